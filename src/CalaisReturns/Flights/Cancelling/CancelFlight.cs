using CalaisReturns.Flights.Manifesting;

namespace CalaisReturns.Flights.Cancelling;

public sealed record CancelFlight([property: Core.Http.MultiLine] string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<CancelFlight>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class CancelFlightEndpoint
{
    /// <summary>
    /// Cancelling takes everyone off the manifest in the same decision, so their cases are free to be
    /// manifested on another flight at once, with no window in which they are stuck.
    /// </summary>
    public static Decision Decide(CancelFlight command, Flight flight, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? Decision.Accept([
            new FlightCancelled(flight.Id, command.Reason.Trim(), now),
            .. flight.Manifest.SelectMany(m => Withdrawal.Of(flight, m, WithdrawalReason.FlightCancelled, now)),
        ]);

    [WolverinePost("/api/flights/{flightId}/cancellation", OperationId = "CancelFlight", Summary = "Cancel a flight before departure")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, CancelFlight command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
