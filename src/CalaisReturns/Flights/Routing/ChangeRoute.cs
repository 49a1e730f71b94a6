namespace CalaisReturns.Flights.Routing;

/// <summary>
/// Puts a stop into the route after <see cref="AfterStopId"/>: a pick-up (<see cref="States"/> board there), a drop-off
/// (<see cref="CountryOfReturn"/>'s returnees are handed over there) or both.
/// </summary>
public sealed record AddStop(
    string Airport,
    StopKind Kind,
    DateTimeOffset Scheduled,
    Guid AfterStopId,
    [property: Core.Http.MultiLine] string Reason,
    IReadOnlyList<State>? States = null,
    string? CountryOfReturn = null,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AddStop>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Airport).Must(Codes.IsAirport).WithMessage(_ => Texts.Get("Validation.Airport"));
            RuleFor(c => c.Kind).IsInEnum().NotEqual(StopKind.Departure).WithMessage(_ => Texts.Get("Validation.AddDeparture"));
            RuleFor(c => c.CountryOfReturn).Must(Codes.IsCountry).When(c => c.CountryOfReturn is not null)
                .WithMessage(_ => Texts.Get("Validation.Country"));
            RuleFor(c => c.States).Must(s => s!.Distinct().Count() == s!.Count).When(c => c.States is not null)
                .WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleForEach(c => c.States).IsInEnum();
            RuleFor(c => c.Scheduled).Must(d => d > clock.GetUtcNow()).WithMessage(_ => Texts.Get("Validation.StopFuture"));
            RuleFor(c => c.AfterStopId).NotEmpty();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

public sealed record RetimeStop(DateTimeOffset Scheduled, [property: Core.Http.MultiLine] string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RetimeStop>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Scheduled).Must(d => d > clock.GetUtcNow()).WithMessage(_ => Texts.Get("Validation.StopFuture"));
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

public sealed record RemoveStop([property: Core.Http.MultiLine] string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RemoveStop>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

/// <summary>Every stop of the route in its new order, each with its scheduled time in that order.</summary>
public sealed record ReorderStops(IReadOnlyList<StopTime> Stops, [property: Core.Http.MultiLine] string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ReorderStops>
    {
        public Validator()
        {
            RuleFor(c => c.Stops).NotEmpty()
                .Must(s => s.Select(x => x.StopId).Distinct().Count() == s.Count).WithMessage(_ => Texts.Get("Validation.StopOnce"));
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

/// <summary>
/// The decisions that change a flight's route until it departs. Each keeps the route flyable (<see cref="FlightRoute.Check"/>),
/// every manifest entry boarding before it is handed over, and every leg within the aircraft's seats.
/// </summary>
public static class RouteChanges
{
    public static Decision Add(AddStop command, Flight flight, Guid stopId, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (flight.IndexOf(command.AfterStopId) is var after && after < 0)
        {
            return Decision.Refuse("Refusal.UnknownStop", command.AfterStopId);
        }

        var stop = new FlightStop(stopId, command.Airport, command.Kind, [.. command.States ?? []], command.CountryOfReturn,
            command.Scheduled);
        return Checked(flight, new StopAdded(flight.Id, stop, command.AfterStopId, command.Reason.Trim(), now));
    }

    public static Decision Retime(RetimeStop command, Flight flight, Guid stopId, DateTimeOffset now)
    {
        if ((flight.RefuseUnlessOperational() ?? Unknown(flight, stopId)) is { } refused)
        {
            return refused;
        }

        var stop = flight.StopOf(stopId)!;
        if (flight.IndexOf(stopId) == 0)
        {
            return Decision.Refuse("Refusal.RetimeDeparture");
        }

        return stop.Scheduled == command.Scheduled
            ? Decision.Refuse("Refusal.SameStopTime", stop.Airport)
            : Checked(flight, new StopRetimed(flight.Id, stopId, command.Scheduled, command.Reason.Trim(), now));
    }

    public static Decision Remove(RemoveStop command, Flight flight, Guid stopId, DateTimeOffset now)
    {
        if ((flight.RefuseUnlessOperational() ?? Unknown(flight, stopId)) is { } refused)
        {
            return refused;
        }

        var stop = flight.StopOf(stopId)!;
        if (flight.IndexOf(stopId) == 0)
        {
            return Decision.Refuse("Refusal.RemoveDeparture");
        }

        var boardingOrLeaving = flight.Manifest.Count(m => m.BoardingStopId == stopId || m.DropOffStopId == stopId);
        return boardingOrLeaving > 0
            ? Decision.Refuse("Refusal.StopInUse", stop.Airport, boardingOrLeaving)
            : Checked(flight, new StopRemoved(flight.Id, stopId, command.Reason.Trim(), now));
    }

    public static Decision Reorder(ReorderStops command, Flight flight, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (command.Stops.Count != flight.Stops.Count || command.Stops.Any(t => flight.StopOf(t.StopId) is null))
        {
            return Decision.Refuse("Refusal.ReorderEveryStop", flight.Stops.Count);
        }

        var change = new StopsReordered(flight.Id, command.Stops, command.Reason.Trim(), now);
        var order = FlightRoute.Changed(flight.Stops, change);
        if (order.SequenceEqual(flight.Stops))
        {
            return Decision.Refuse("Refusal.SameRoute");
        }

        if (flight.Stops[0].StopId != order[0].StopId || flight.Stops[0].Scheduled != order[0].Scheduled)
        {
            return Decision.Refuse("Refusal.RetimeDeparture");
        }

        return Checked(flight, change);
    }

    private static Decision? Unknown(Flight flight, Guid stopId) =>
        flight.StopOf(stopId) is null ? Decision.Refuse("Refusal.UnknownStop", stopId) : null;

    /// <summary>Accepts the change if the route it makes can be flown with the manifest as it stands.</summary>
    private static Decision Checked(Flight flight, object change)
    {
        var after = Flight.Fold(flight, change);
        if (FlightRoute.Check(after.Stops, flight.LeadState, flight.ParticipatingStates) is { } wrong)
        {
            return Decision.Refuse(wrong.Key, wrong.Args);
        }

        var place = after.Stops.Select(s => s.StopId).Index().ToDictionary(x => x.Item, x => x.Index);
        var stranded = after.Manifest.Count(m => place[m.BoardingStopId] >= place[m.DropOffStopId]);
        if (stranded > 0)
        {
            return Decision.Refuse("Refusal.HandedOverBeforeBoarding", stranded);
        }

        return after.Legs().Index().FirstOrDefault(x => x.Item.People > flight.SeatCapacity && flight.SeatCapacity > 0) is
            { Item: { } full } overfilled
            ? Decision.Refuse("Refusal.LegOverfilled", overfilled.Index + 1, full.From, full.To, full.People, flight.SeatCapacity)
            : Decision.Accept(change);
    }
}

public static class AddStopEndpoint
{
    [WolverinePost("/api/flights/{flightId}/stops", OperationId = "AddStop",
        Summary = "Add a pick-up or drop-off to the route, after a given stop, with a reason")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, AddStop command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => RouteChanges.Add(command, f, Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow()), ct);
}

public static class RetimeStopEndpoint
{
    [WolverinePost("/api/flights/{flightId}/stops/{stopId}/retiming", OperationId = "RetimeStop",
        Summary = "Move a stop's scheduled time, with a reason (the departure moves by rescheduling the flight)")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, Guid stopId, RetimeStop command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => RouteChanges.Retime(command, f, stopId, clock.GetUtcNow()), ct);
}

public static class RemoveStopEndpoint
{
    [WolverinePost("/api/flights/{flightId}/stops/{stopId}/removal", OperationId = "RemoveStop",
        Summary = "Take a stop nobody on the manifest boards or leaves at out of the route, with a reason")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, Guid stopId, RemoveStop command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => RouteChanges.Remove(command, f, stopId, clock.GetUtcNow()), ct);
}

public static class ReorderStopsEndpoint
{
    [WolverinePost("/api/flights/{flightId}/stops/reordering", OperationId = "ReorderStops",
        Summary = "Put the stops after the departure in a new order, each with its time, with a reason")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, ReorderStops command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => RouteChanges.Reorder(command, f, clock.GetUtcNow()), ct);
}
