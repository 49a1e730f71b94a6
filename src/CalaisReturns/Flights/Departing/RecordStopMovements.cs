namespace CalaisReturns.Flights.Departing;

public sealed record RecordStopArrival(DateTimeOffset ActualArrival, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordStopArrival>
    {
        public Validator(TimeProvider clock) => RuleFor(c => c.ActualArrival).Must(d => d <= clock.GetUtcNow())
            .WithMessage(_ => Texts.Get("Validation.ArrivalHappened"));
    }
}

public sealed record RecordStopDeparture(DateTimeOffset ActualDeparture, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordStopDeparture>
    {
        public Validator(TimeProvider clock) => RuleFor(c => c.ActualDeparture).Must(d => d <= clock.GetUtcNow())
            .WithMessage(_ => Texts.Get("Validation.DepartureHappened"));
    }
}

/// <summary>
/// The aircraft's way along the route once it has left the first stop (<see cref="RecordDepartureEndpoint"/>): it lands at
/// each later stop after leaving the one before, and leaves each stop between the first and the last after landing there.
/// </summary>
public static class StopMovements
{
    public static Decision Arrive(RecordStopArrival command, Flight flight, Guid stopId, DateTimeOffset now)
    {
        if (Underway(flight, stopId) is { } refused)
        {
            return refused;
        }

        var place = flight.IndexOf(stopId);
        var stop = flight.Stops[place];
        if (place == 0)
        {
            return Decision.Refuse("Refusal.ArriveAtDeparture");
        }

        if (flight.ProgressAt(stopId).ArrivedAt is not null)
        {
            return Decision.Refuse("Refusal.AlreadyArrived", stop.Airport);
        }

        var previous = flight.Stops[place - 1];
        return flight.ProgressAt(previous.StopId).DepartedAt switch
        {
            null => Decision.Refuse("Refusal.PreviousNotLeft", previous.Airport),
            var left when command.ActualArrival <= left => Decision.Refuse("Refusal.ArrivalBeforeLeaving", stop.Airport, previous.Airport),
            _ => Decision.Accept(new StopArrived(flight.Id, stopId, command.ActualArrival, now)),
        };
    }

    public static Decision Leave(RecordStopDeparture command, Flight flight, Guid stopId, DateTimeOffset now)
    {
        if (Underway(flight, stopId) is { } refused)
        {
            return refused;
        }

        var place = flight.IndexOf(stopId);
        var stop = flight.Stops[place];
        if (place == 0)
        {
            return Decision.Refuse("Refusal.LeaveFirstStop");
        }

        if (place == flight.Stops.Count - 1)
        {
            return Decision.Refuse("Refusal.LeaveLastStop", stop.Airport);
        }

        var progress = flight.ProgressAt(stopId);
        return progress switch
        {
            { DepartedAt: not null } => Decision.Refuse("Refusal.AlreadyLeft", stop.Airport),
            { ArrivedAt: null } => Decision.Refuse("Refusal.NotArrived", stop.Airport),
            { ArrivedAt: var landed } when command.ActualDeparture <= landed => Decision.Refuse("Refusal.LeavingBeforeArrival", stop.Airport),
            _ => Decision.Accept(new StopDeparted(flight.Id, stopId, command.ActualDeparture, now)),
        };
    }

    /// <summary>Refuses unless the flight has left its first stop and not yet completed, and the stop is one of its own.</summary>
    public static Decision? Underway(Flight flight, Guid stopId) => flight.Status switch
    {
        FlightStatus.Completed => Decision.Refuse("Refusal.AlreadyCompleted"),
        FlightStatus.Cancelled => Decision.Refuse("Refusal.Cancelled"),
        not FlightStatus.Departed => Decision.Refuse("Refusal.NotDeparted"),
        _ when flight.StopOf(stopId) is null => Decision.Refuse("Refusal.UnknownStop", stopId),
        _ => null,
    };
}

public static class RecordStopArrivalEndpoint
{
    [WolverinePost("/api/flights/{flightId}/stops/{stopId}/arrival", OperationId = "RecordStopArrival",
        Summary = "Record the landing at a stop after the first")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, Guid stopId, RecordStopArrival command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => StopMovements.Arrive(command, f, stopId, clock.GetUtcNow()), ct);
}

public static class RecordStopDepartureEndpoint
{
    [WolverinePost("/api/flights/{flightId}/stops/{stopId}/departure", OperationId = "RecordStopDeparture",
        Summary = "Record leaving a stop between the first and the last (leaving the first is the flight's departure)")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, Guid stopId, RecordStopDeparture command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => StopMovements.Leave(command, f, stopId, clock.GetUtcNow()), ct);
}
