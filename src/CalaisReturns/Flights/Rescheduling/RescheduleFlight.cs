using System.Security.Claims;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace CalaisReturns.Flights.Rescheduling;

public sealed record RescheduleFlight(DateTimeOffset NewDeparture, string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RescheduleFlight>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.NewDeparture).Must(d => d > clock.GetUtcNow())
                .WithMessage("The new departure must be in the future.");
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

public static class RescheduleFlightEndpoint
{
    public static Decision Decide(RescheduleFlight command, Flight flight, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? (command.NewDeparture == flight.ScheduledDeparture
            ? Decision.Refuse("The flight is already scheduled to depart at that time.")
            : Decision.Accept(new FlightRescheduled(flight.Id, command.NewDeparture, command.Reason.Trim(), now)));

    [WolverinePost("/api/flights/{flightId}/reschedule", OperationId = "RescheduleFlight", Summary = "Move the scheduled departure")]
    [Authorize(Policy = Policies.Planner)]
    public static Task<IResult> Post(Guid flightId, RescheduleFlight command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.DecideAsLeadPlanner(flightId, command.ExpectedVersion, user,
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
