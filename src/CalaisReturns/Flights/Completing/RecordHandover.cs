using CalaisReturns.Flights.Departing;

namespace CalaisReturns.Flights.Completing;

/// <summary>
/// Records, at one drop-off and per state, how many returnees were handed over and which cases were refused admission.
/// The last drop-off's record completes the flight.
/// </summary>
public sealed record RecordHandover(IReadOnlyList<HandoverOutcome> Outcomes, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordHandover>
    {
        public Validator() => RecordCompletion.OutcomeRules(this, c => c.Outcomes);
    }
}

public static class RecordHandoverEndpoint
{
    public static Decision Decide(RecordHandover command, Flight flight, Guid stopId, DateTimeOffset now)
    {
        if (StopMovements.Underway(flight, stopId) is { } refused)
        {
            return refused;
        }

        var stop = flight.StopOf(stopId)!;
        var progress = flight.ProgressAt(stopId);
        if (!stop.IsDropOff())
        {
            return Decision.Refuse("Refusal.NotADropOff", stop.Airport);
        }

        if (progress.ArrivedAt is null)
        {
            return Decision.Refuse("Refusal.NotArrived", stop.Airport);
        }

        if (progress.Handover is not null)
        {
            return Decision.Refuse("Refusal.HandoverRecorded", stop.Airport);
        }

        if (RecordCompletionEndpoint.Unaccounted(command.Outcomes, flight,
                flight.Manifest.Where(m => m.Confirmed && m.DropOffStopId == stopId).ToList()) is { } unaccounted)
        {
            return unaccounted;
        }

        var handover = new HandoverRecorded(flight.Id, stopId, command.Outcomes, now);
        var after = Flight.Fold(flight, handover);
        var outstanding = after.Stops.Where(s => s.IsDropOff() && after.ProgressAt(s.StopId).Handover is null);
        return outstanding.Any()
            ? Decision.Accept(handover)
            : Decision.Accept(handover, new FlightCompleted(flight.Id, Summed(after), now));
    }

    /// <summary>Per state, the hand-overs and refusals of every drop-off.</summary>
    private static IReadOnlyList<HandoverOutcome> Summed(Flight flight)
    {
        var outcomes = flight.Stops.SelectMany(s => flight.ProgressAt(s.StopId).Handover ?? []).ToList();
        return
        [
            .. flight.ParticipatingStates.Select(state => new HandoverOutcome(state,
                outcomes.Where(o => o.State == state).Sum(o => o.HandedOver),
                [.. outcomes.Where(o => o.State == state).SelectMany(o => o.RefusedAdmission)])),
        ];
    }

    [WolverinePost("/api/flights/{flightId}/stops/{stopId}/handover", OperationId = "RecordHandover",
        Summary = "Record hand-overs and refused admissions at one drop-off; the last one completes the flight")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, Guid stopId, RecordHandover command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(command, f, stopId, clock.GetUtcNow()), ct);
}
