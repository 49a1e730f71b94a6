using CalaisReturns.Flights.Manifesting;

namespace CalaisReturns.Flights.Rescheduling;

public sealed record RescheduleFlight(DateTimeOffset NewDeparture, [property: Core.Http.MultiLine] string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RescheduleFlight>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.NewDeparture).Must(d => d > clock.GetUtcNow())
                .WithMessage(_ => Texts.Get("Validation.NewDepartureFuture"));
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

public static class RescheduleFlightEndpoint
{
    /// <summary>
    /// Moving the departure re-checks notice: a confirmed returnee manifested later than the notice
    /// period before the new departure becomes a reserve.
    /// </summary>
    public static Decision Decide(RescheduleFlight command, Flight flight, ManifestRules rules, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        if (command.NewDeparture == flight.ScheduledDeparture)
        {
            return Decision.Refuse("Refusal.SameDeparture");
        }

        var deadline = rules.NoticeDeadline(command.NewDeparture);
        var moved = flight.Manifest
            .Where(m => m.Confirmed && m.ManifestedAt > deadline)
            .Select(m => new ReturneeMovedToReserve(flight.Id, m.CaseId,
                $"Manifested after the notice deadline ({deadline:u}) of the new departure.", now));
        return Decision.Accept([new FlightRescheduled(flight.Id, command.NewDeparture, command.Reason.Trim(), now), .. moved]);
    }

    [WolverinePost("/api/flights/{flightId}/reschedule", OperationId = "RescheduleFlight", Summary = "Move the scheduled departure")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, RescheduleFlight command, IDocumentSession session,
        TimeProvider clock, ManifestRules rules, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, rules, clock.GetUtcNow()), ct);
}
