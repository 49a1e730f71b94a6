namespace CalaisReturns.Flights.Completing;

/// <summary>
/// Records, per state, how many returnees were handed over and which cases were refused admission.
/// A policy then closes the other confirmed cases as removed.
/// </summary>
public sealed record RecordCompletion(IReadOnlyList<HandoverOutcome> Outcomes, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordCompletion>
    {
        public Validator()
        {
            RuleFor(c => c.Outcomes).NotNull()
                .Must(a => a.Select(x => x.State).Distinct().Count() == a.Count)
                .WithMessage(_ => Texts.Get("Validation.StateOnce"));
            RuleForEach(c => c.Outcomes).ChildRules(a =>
            {
                a.RuleFor(x => x.State).IsInEnum();
                a.RuleFor(x => x.HandedOver).GreaterThanOrEqualTo(0);
                a.RuleFor(x => x.RefusedAdmission).NotNull()
                    .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage(_ => Texts.Get("Validation.CaseOnce"));
            });
        }
    }
}

public static class RecordCompletionEndpoint
{
    public static Decision Decide(RecordCompletion command, Flight flight, DateTimeOffset now)
    {
        switch (flight.Status)
        {
            case FlightStatus.Completed:
                return Decision.Refuse("Refusal.AlreadyCompleted");
            case not FlightStatus.Departed:
                return Decision.Refuse("Refusal.NotDeparted");
        }

        if (command.Outcomes.FirstOrDefault(o => !flight.Participates(o.State)) is { } outsider)
        {
            return Decision.Refuse("Refusal.NotParticipating", outsider.State);
        }

        foreach (var state in flight.ParticipatingStates)
        {
            var onBoard = flight.ReturneesOnBoard.GetValueOrDefault(state);
            var outcome = command.Outcomes.FirstOrDefault(o => o.State == state);
            var refused = outcome?.RefusedAdmission ?? [];
            var strangers = refused.Where(id => flight.EntryOf(id) is not { Confirmed: true } entry || entry.State != state);
            if (strangers.Any())
            {
                return Decision.Refuse("Refusal.DidNotFly", strangers.First(), state);
            }

            var accounted = (outcome?.HandedOver ?? 0) + refused.Count;
            if (accounted != onBoard)
            {
                return Decision.Refuse("Refusal.NotAccounted", state, onBoard, accounted);
            }
        }

        return Decision.Accept(new FlightCompleted(flight.Id, command.Outcomes, now));
    }

    [WolverinePost("/api/flights/{flightId}/completion", OperationId = "RecordCompletion", Summary = "Record hand-overs and refused admissions")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, RecordCompletion command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
