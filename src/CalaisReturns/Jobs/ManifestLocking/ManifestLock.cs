using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using JasperFx.Events;

namespace CalaisReturns.Jobs.ManifestLocking;

/// <summary>Lock the manifest at its deadline, unless the flight moved, was cancelled or is already locked.</summary>
public sealed record LockManifestAtDeadline(Guid FlightId, DateTimeOffset ScheduledDeparture);

public static class ManifestLockHandler
{
    private const string Process = "manifest-lock";

    /// <summary>
    /// Safe to run twice: a locked, moved, cancelled or departed flight is left as it is. Sent before its deadline
    /// (which the deadline sweep never does), it refuses; the sweep sends it again once the deadline has passed.
    /// </summary>
    public static async Task Handle(LockManifestAtDeadline command, IDocumentSession session, TimeProvider clock,
        ManifestRules rules, ILogger<LockManifestAtDeadline> log, CancellationToken ct)
    {
        var deadline = command.ScheduledDeparture - rules.LockLeadTime;
        if (clock.GetUtcNow() < deadline)
        {
            log.LogWarning("Manifest lock of flight {FlightId} asked before its deadline {Deadline}: refused", command.FlightId, deadline);
            return;
        }

        var stream = await session.Events.FetchForExclusiveWriting<Flight>(command.FlightId, ct);
        if (stream.Aggregate is not { Status: FlightStatus.Booked } flight || flight.ScheduledDeparture != command.ScheduledDeparture)
        {
            return;
        }

        var barred = await LockManifestEndpoint.BarredCases(session, flight, ct);
        var decision = LockManifestEndpoint.Decide(flight, barred, clock.GetUtcNow());
        if (decision.Refusal is { } refusal)
        {
            log.LogWarning("Manifest of flight {FlightId} not locked at its deadline: {Reason}", flight.Id, refusal);
            return;
        }

        // Caused by the event that set the departure the deadline counts from, in the correlation of its request.
        var setting = (await session.Events.FetchStreamAsync(flight.Id, token: ct)).Last(e => e.Data is FlightPlanned or FlightRescheduled);
        EventMetadata.StampSystem(session, Process, Cause.Of(setting));
        stream.AppendMany(decision.Events);
    }
}
