namespace CalaisReturns.Flights.Allocating;

/// <summary>Sets the seats each listed state may fill with its returnees and its escort team.</summary>
public sealed record AllocateSeats(IReadOnlyList<SeatAllocation> Allocations, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AllocateSeats>
    {
        public Validator()
        {
            RuleFor(c => c.Allocations).NotEmpty()
                .Must(a => a.Select(x => x.State).Distinct().Count() == a.Count)
                .WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleForEach(c => c.Allocations).ChildRules(a =>
            {
                a.RuleFor(x => x.State).IsInEnum();
                a.RuleFor(x => x.Seats).GreaterThanOrEqualTo(0);
            });
        }
    }
}

public static class AllocateSeatsEndpoint
{
    public static Decision Decide(AllocateSeats command, Flight flight, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        switch (flight.Status)
        {
            case FlightStatus.Planned:
                return Decision.Refuse("Refusal.BookBeforeSeats");
            case FlightStatus.ManifestLocked:
                return Decision.Refuse("Refusal.LockedSeats");
        }

        if (command.Allocations.FirstOrDefault(a => !flight.Participates(a.State)) is { } outsider)
        {
            return Decision.Refuse("Refusal.NotParticipating", outsider.State);
        }

        if (command.Allocations.FirstOrDefault(a => a.Seats < flight.ConfirmedOf(a.State) + flight.TeamOf(a.State)) is { } tooSmall)
        {
            return Decision.Refuse("Refusal.AllocationTooSmall", tooSmall.State, flight.ConfirmedOf(tooSmall.State),
                flight.TeamOf(tooSmall.State), flight.ConfirmedOf(tooSmall.State) + flight.TeamOf(tooSmall.State));
        }

        var total = flight.SeatsAllocated
            .SetItems(command.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats)))
            .Values.Sum();
        return total > flight.SeatCapacity
            ? Decision.Refuse("Refusal.OverCapacity", total, flight.SeatCapacity)
            : Decision.Accept(new SeatsAllocated(flight.Id, command.Allocations, now));
    }

    [WolverinePost("/api/flights/{flightId}/seat-allocation", OperationId = "AllocateSeats", Summary = "Set the seats each state may fill")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, AllocateSeats command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
