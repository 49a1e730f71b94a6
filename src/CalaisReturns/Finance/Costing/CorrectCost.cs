
namespace CalaisReturns.Finance.Costing;

public sealed record CorrectCost(Money NewAmount, string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<CorrectCost>
    {
        public Validator()
        {
            RuleFor(c => c.NewAmount).SetValidator(new PositiveMoney());
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

public static class CorrectCostEndpoint
{
    public static Decision Decide(CorrectCost command, FlightFinance finance, Guid lineId, DateTimeOffset now) =>
        CostLines.RefuseUnlessLive(finance, lineId)
        ?? Decision.Accept(new CostCorrected(finance.Id, lineId, command.NewAmount, command.Reason.Trim(), now));

    [WolverinePost("/api/flights/{flightId}/costs/{lineId}/correction", OperationId = "CorrectCost",
        Summary = "Correct the amount of a cost line, with a reason")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, Guid lineId, CorrectCost command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion,
            l => FinanceAccess.Participant(officer, l.Facts) ?? FinanceAccess.LinePayer(l.Facts, lineId, officer.State),
            l => Decide(command, l.Facts, lineId, clock.GetUtcNow()), ct);
    }
}

public static class CostLines
{
    /// <summary>A line is corrected or withdrawn only while it stands: nothing is edited in place.</summary>
    public static Decision? RefuseUnlessLive(FlightFinance finance, Guid lineId) =>
        finance.LineOf(lineId) switch
        {
            null => Decision.Refuse("Refusal.NoLine", lineId),
            { Withdrawn: true } => Decision.Refuse("Refusal.LineWithdrawn", lineId),
            _ => null,
        };
}
