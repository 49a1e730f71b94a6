namespace CalaisReturns.Flights.Staffing;

/// <summary>Sets a state's escort team on the flight: escorts, medics and interpreters.</summary>
public sealed record AssignEscortTeam(State State, int Escorts, int Medics, int Interpreters, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AssignEscortTeam>
    {
        public Validator()
        {
            RuleFor(c => c.State).IsInEnum();
            RuleFor(c => c.Escorts).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Medics).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Interpreters).GreaterThanOrEqualTo(0);
        }
    }
}

public static class AssignEscortTeamEndpoint
{
    public static Decision Decide(AssignEscortTeam command, Flight flight, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (!flight.Participates(command.State))
        {
            return Decision.Refuse("Refusal.NotParticipating", command.State);
        }

        // Once a state names its officers, its team is counted from them, not set by numbers.
        if (flight.NamesTeamOf(command.State))
        {
            return Decision.Refuse("Refusal.TeamIsNamed", command.State);
        }

        // Before seats are allocated there is nothing to fit into; the allocation is checked against the team.
        var team = command.Escorts + command.Medics + command.Interpreters;
        var allocated = flight.AllocatedTo(command.State);
        var confirmed = flight.ConfirmedOf(command.State);
        return allocated > 0 && team + confirmed > allocated
            ? Decision.Refuse("Refusal.TeamDoesNotFit", team, confirmed, command.State, allocated)
            : Decision.Accept(new EscortTeamAssigned(flight.Id, command.State, command.Escorts, command.Medics,
                command.Interpreters, now));
    }

    [WolverinePost("/api/flights/{flightId}/escort-team", OperationId = "AssignEscortTeam", Summary = "Set a state's escorts, medics and interpreters")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, AssignEscortTeam command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            _ => FlightAccess.OwnTeamPlanner(Actor.From(user), command.State),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
