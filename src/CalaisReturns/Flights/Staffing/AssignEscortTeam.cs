using System.Security.Claims;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

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
    public static Decision Decide(AssignEscortTeam command, Flight flight, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? (!flight.Participates(command.State)
            ? Decision.Refuse($"{command.State} does not participate in this flight.")
            : Decision.Accept(new EscortTeamAssigned(flight.Id, command.State, command.Escorts, command.Medics,
                command.Interpreters, now)));

    [WolverinePost("/api/flights/{flightId}/escort-team", OperationId = "AssignEscortTeam", Summary = "Set a state's escorts, medics and interpreters")]
    [Authorize(Policy = Policies.Planner)]
    public static Task<IResult> Post(Guid flightId, AssignEscortTeam command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            _ => FlightAccess.OwnTeamPlanner(Actor.From(user), command.State),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
