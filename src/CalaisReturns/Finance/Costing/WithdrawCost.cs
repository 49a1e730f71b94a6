
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
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.DecideAsFinance(flightId, command.ExpectedVersion, user,
            (f, _) => Decide(command, f, lineId, clock.GetUtcNow()), ct,
            (f, state) => FinanceAccess.LinePayer(f, lineId, state));
}
