namespace CalaisReturns.Flights.Completing;

/// <summary>
/// Records, per state, how many returnees were handed over and which cases were refused admission.
/// A policy then closes the other confirmed cases as removed.
/// </summary>
public sealed record RecordCompletion(IReadOnlyList<HandoverOutcome> Outcomes, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordCompletion>
    {
        public Validator() => OutcomeRules(this, c => c.Outcomes);
    }

    /// <summary>The rules of a list of outcomes: each state once, counts not negative, each refused case once.</summary>
    public static void OutcomeRules<T>(AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, IEnumerable<HandoverOutcome>>> outcomes)
    {
        validator.RuleFor(outcomes).NotNull()
            .Must(a => a.Select(x => x.State).Distinct().Count() == a.Count())
            .WithMessage(_ => Texts.Get("Validation.StateOnce"));
        validator.RuleForEach(outcomes).ChildRules(a =>
        {
            a.RuleFor(x => x.State).IsInEnum();
            a.RuleFor(x => x.HandedOver).GreaterThanOrEqualTo(0);
            a.RuleFor(x => x.RefusedAdmission).NotNull()
                .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage(_ => Texts.Get("Validation.CaseOnce"));
        });
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

        if (flight.Stops.Count(s => s.IsDropOff()) > 1)
        {
            return Decision.Refuse("Refusal.CompletePerDropOff", flight.Stops.Count(s => s.IsDropOff()));
        }

        return Unaccounted(command.Outcomes, flight, [.. flight.Manifest.Where(m => m.Confirmed)])
            ?? Decision.Accept(new FlightCompleted(flight.Id, command.Outcomes, now));
    }

    /// <summary>
    /// Refuses outcomes that do not account, state by state, for each of the confirmed returnees who were to be handed
    /// over (<paramref name="handedOverHere"/>): handed over or refused admission, and only those refused.
    /// </summary>
    public static Decision? Unaccounted(IReadOnlyList<HandoverOutcome> outcomes, Flight flight,
        IReadOnlyList<ManifestEntry> handedOverHere)
    {
        if (outcomes.FirstOrDefault(o => !flight.Participates(o.State)) is { } outsider)
        {
            return Decision.Refuse("Refusal.NotParticipating", outsider.State);
        }

        foreach (var state in flight.ParticipatingStates)
        {
            var expected = handedOverHere.Where(m => m.State == state).Select(m => m.CaseId).ToHashSet();
            var outcome = outcomes.FirstOrDefault(o => o.State == state);
            var refused = outcome?.RefusedAdmission ?? [];
            if (refused.Where(id => !expected.Contains(id)).Take(1).ToList() is [var stranger])
            {
                return Decision.Refuse("Refusal.DidNotFly", stranger, state);
            }

            var accounted = (outcome?.HandedOver ?? 0) + refused.Count;
            if (accounted != expected.Count)
            {
                return Decision.Refuse("Refusal.NotAccounted", state, expected.Count, accounted);
            }
        }

        return null;
    }

    [WolverinePost("/api/flights/{flightId}/completion", OperationId = "RecordCompletion", Summary = "Record hand-overs and refused admissions")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, RecordCompletion command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
