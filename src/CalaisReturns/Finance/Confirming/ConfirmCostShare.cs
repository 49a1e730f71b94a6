
namespace CalaisReturns.Finance.Confirming;

public sealed record ConfirmCostShare(long? ExpectedVersion = null);

public static class ConfirmCostShareEndpoint
{
    /// <summary>A state confirms the figures as they now stand; any later change of them withdraws the confirmation.</summary>
    public static Decision Decide(FlightFinance finance, State state, DateTimeOffset now)
    {
        var figures = CostShare.Compute(finance);
        return figures.Status is CostShareStatus.AwaitingSplit or CostShareStatus.AwaitingRate
            ? Decision.Refuse("Refusal.NotFinal", figures.Status)
            : finance.ConfirmedBy.Contains(state)
                ? Decision.Refuse("Refusal.AlreadyConfirmedFigures", state)
                : Decision.Accept(new CostShareConfirmed(finance.Id, state, now));
    }

    [WolverinePost("/api/flights/{flightId}/cost-share/confirmation", OperationId = "ConfirmCostShare",
        Summary = "Confirm the cost share figures for the caller's state")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, ConfirmCostShare command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => Decide(l.Facts, officer.State, clock.GetUtcNow()), ct);
    }
}
