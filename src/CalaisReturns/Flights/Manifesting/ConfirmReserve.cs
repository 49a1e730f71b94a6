namespace CalaisReturns.Flights.Manifesting;

/// <summary>Promotes a reserve into a free seat of its state's allocation, if every leg it flies has one (reserves fly only if promoted).</summary>
public sealed record ConfirmReserve(Guid CaseId, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ConfirmReserve>
    {
        public Validator() => RuleFor(c => c.CaseId).NotEmpty();
    }
}

public static class ConfirmReserveEndpoint
{
    public static Decision Decide(ConfirmReserve command, Flight flight, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (flight.Status == FlightStatus.ManifestLocked)
        {
            return Decision.Refuse("Refusal.ManifestLocked");
        }

        return flight.EntryOf(command.CaseId) switch
        {
            null => Decision.Refuse("Refusal.NotOnManifest"),
            { Confirmed: true } => Decision.Refuse("Refusal.AlreadyConfirmed"),
            var entry when flight.FreeSeatsOf(entry.State) < 1 =>
                Decision.Refuse("Refusal.NoFreeSeat", entry.State, flight.AllocatedTo(entry.State)),
            var entry when flight.OverfilledBy(entry.BoardingStopId, entry.DropOffStopId) is var (place, leg) =>
                Decision.Refuse("Refusal.LegFull", place, leg.From, leg.To, leg.People, flight.SeatCapacity),
            _ => Decision.Accept(new ReserveConfirmed(flight.Id, command.CaseId, now)),
        };
    }

    [WolverinePost("/api/flights/{flightId}/manifest/confirmation", OperationId = "ConfirmReserve",
        Summary = "Confirm a reserve of the caller's state")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, ConfirmReserve command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.EntryOwnerPlanner(Actor.From(user), f, command.CaseId),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
