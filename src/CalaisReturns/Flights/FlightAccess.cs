namespace CalaisReturns.Flights;

/// <summary>
/// Which state's people may act on a flight (DESIGN.md "Who uses it"). Each check returns why the
/// actor is refused (answered 403), or null when they may go ahead.
/// </summary>
public static class FlightAccess
{
    /// <summary>Booking, seats, monitor, rescheduling, departure, completion, cancellation.</summary>
    public static Text? LeadPlanner(Actor actor, State leadState) =>
        actor.IsPlannerOf(leadState) ? null : new Text("Forbidden.LeadPlanner", leadState);

    /// <summary>A participating state's planners manage that state's own escort team.</summary>
    public static Text? OwnTeamPlanner(Actor actor, State team) =>
        actor.IsPlannerOf(team) ? null : new Text("Forbidden.OwnTeam", team);

    /// <summary>
    /// A manifest entry belongs to its case's state: only that state's planners confirm or withdraw it.
    /// A case not on the manifest is left to the decision to refuse (409).
    /// </summary>
    public static Text? EntryOwnerPlanner(Actor actor, Flight flight, Guid caseId) =>
        flight.EntryOf(caseId) is { } entry && !actor.IsPlannerOf(entry.State)
            ? new Text("Forbidden.EntryOwner", entry.State)
            : null;

    /// <summary>A monitor reads only the flights its organisation is assigned to; anyone else passes this check.</summary>
    public static Text? Monitor(Actor actor, string? monitorOrganisation) =>
        actor.Role != Role.Monitor || actor.MonitorsFor(monitorOrganisation) ? null : new Text("Forbidden.NotMonitored");

    /// <summary>Auditors and admins read every flight's history; planners read their states' flights.</summary>
    public static Text? HistoryReader(Actor actor, IEnumerable<State> participatingStates) => actor.Role switch
    {
        Role.Auditor or Role.Admin => null,
        Role.Planner when participatingStates.Contains(actor.State) => null,
        _ => new Text("Forbidden.FlightHistory"),
    };
}
