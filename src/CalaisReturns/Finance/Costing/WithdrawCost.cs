
namespace CalaisReturns.Finance.Costing;

public sealed record WithdrawCost(string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<WithdrawCost>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class WithdrawCostEndpoint
{
    public static Decision Decide(WithdrawCost command, FlightFinance finance, Guid lineId, DateTimeOffset now) =>
        CostLines.RefuseUnlessLive(finance, lineId)
        ?? Decision.Accept(new CostWithdrawn(finance.Id, lineId, command.Reason.Trim(), now));

    [WolverinePost("/api/flights/{flightId}/costs/{lineId}/withdrawal", OperationId = "WithdrawCost",
        Summary = "Withdraw a cost line, with a reason")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, Guid lineId, WithdrawCost command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion,
            l => FinanceAccess.Participant(officer, l.Facts) ?? FinanceAccess.LinePayer(l.Facts, lineId, officer.State),
            l => Decide(command, l.Facts, lineId, clock.GetUtcNow()), ct);
    }
}
