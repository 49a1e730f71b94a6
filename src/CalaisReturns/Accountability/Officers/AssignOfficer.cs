using CalaisReturns.Flights;

namespace CalaisReturns.Accountability.Officers;

/// <summary>Puts a named officer of the caller's state's roster on the flight's team, for a duty.</summary>
public sealed record AssignOfficer(Guid OfficerId, OfficerDuty Duty, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AssignOfficer>
    {
        public Validator()
        {
            RuleFor(c => c.OfficerId).NotEmpty();
            RuleFor(c => c.Duty).IsInEnum();
        }
    }
}

/// <summary>Takes an officer off the flight's team before departure, with the reason.</summary>
public sealed record ReleaseOfficer(string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ReleaseOfficer>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class AssignOfficerEndpoint
{
    /// <summary>
    /// Until departure, an officer still on the roster, of a state taking part, not already on the team, and with a seat
    /// in the state's allocation (once seats are allocated) beside its confirmed returnees and the rest of its named team.
    /// </summary>
    public static Decision Decide(AssignOfficer command, Flight flight, Officer officer, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (officer.LeftAt is not null)
        {
            return Decision.Refuse("Refusal.OfficerLeft", officer.StaffNumber);
        }

        if (!flight.Participates(officer.State))
        {
            return Decision.Refuse("Refusal.NotParticipating", officer.State);
        }

        if (flight.OfficerOf(officer.Id) is { Released: false } assigned)
        {
            return Decision.Refuse("Refusal.OfficerOnTeam", officer.StaffNumber, Texts.Get($"OfficerDuty.{assigned.Duty}"));
        }

        var team = flight.Team.Count(o => o.State == officer.State) + 1;
        var allocated = flight.AllocatedTo(officer.State);
        var confirmed = flight.ConfirmedOf(officer.State);
        return allocated > 0 && team + confirmed > allocated
            ? Decision.Refuse("Refusal.TeamDoesNotFit", team, confirmed, officer.State, allocated)
            : Decision.Accept(new OfficerAssigned(flight.Id, officer.Id, officer.State, officer.StaffNumber, command.Duty, now));
    }

    public static Decision Decide(ReleaseOfficer command, Flight flight, Guid officerId, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? (flight.OfficerOf(officerId) is { Released: false }
            ? Decision.Accept(new OfficerReleased(flight.Id, officerId, command.Reason.Trim(), now))
            : Decision.Refuse("Refusal.OfficerNotOnTeam"));

    [WolverinePost("/api/flights/{flightId}/officers", OperationId = "AssignOfficer",
        Summary = "Put a named officer of the caller's state on the flight's team (Escort, Medic or Interpreter)")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static async Task<IResult> Post(Guid flightId, AssignOfficer command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (await session.Events.FetchLatest<Officer>(command.OfficerId, ct) is not { } officer)
        {
            return Core.Http.Problems.NotFound("Officer", command.OfficerId);
        }

        // Each state's planners name their own officers.
        return await session.Decide<Flight>(flightId, command.ExpectedVersion,
            _ => RosterEndpoints.OwnStatePlanner(actor, officer.State),
            f => Decide(command, f, officer, clock.GetUtcNow()), ct);
    }

    [WolverinePost("/api/flights/{flightId}/officers/{officerId}/release", OperationId = "ReleaseOfficer",
        Summary = "Take an officer off the flight's team before departure, with the reason")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Release(Guid flightId, Guid officerId, ReleaseOfficer command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.OwnTeamPlanner(Actor.From(user), f.OfficerOf(officerId)?.State ?? Actor.From(user).State),
            f => Decide(command, f, officerId, clock.GetUtcNow()), ct);
}
