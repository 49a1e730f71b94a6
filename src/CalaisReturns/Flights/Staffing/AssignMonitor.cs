namespace CalaisReturns.Flights.Staffing;

/// <summary>Names the organisation providing the flight's forced-return monitor.</summary>
public sealed record AssignMonitor(string Organisation, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AssignMonitor>
    {
        public Validator() => RuleFor(c => c.Organisation).NotEmpty().MaximumLength(200);
    }
}

public static class AssignMonitorEndpoint
{
    public static Decision Decide(AssignMonitor command, Flight flight, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? Decision.Accept(new MonitorAssigned(flight.Id, command.Organisation.Trim(), now));

    [WolverinePost("/api/flights/{flightId}/monitor", OperationId = "AssignMonitor", Summary = "Name the forced-return monitor's organisation")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, AssignMonitor command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
