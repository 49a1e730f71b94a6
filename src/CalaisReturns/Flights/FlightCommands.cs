namespace CalaisReturns.Flights;

public static class FlightCommands
{
    /// <summary>The write path of the commands that only planners of the flight's lead state may give.</summary>
    public static Task<IResult> DecideAsLeadPlanner(this IDocumentSession session, Guid flightId, long? expectedVersion,
        ClaimsPrincipal user, Func<Flight, Decision> decide, CancellationToken ct) =>
        session.Decide(flightId, expectedVersion, f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState), decide, ct);
}
