using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Jobs.Notifications;
using Hangfire;
using JasperFx.Events;
using Wolverine;

namespace CalaisReturns.Jobs.ManifestLocking;

/// <summary>Lock the manifest at its deadline, unless the flight moved, was cancelled or is already locked.</summary>
public sealed record LockManifestAtDeadline(Guid FlightId, DateTimeOffset ScheduledDeparture);

/// <summary>(Re)schedule the lock job for a flight's current departure.</summary>
public sealed record ScheduleManifestLock(Guid FlightId, DateTimeOffset ScheduledDeparture);

/// <summary>Which Hangfire jobs serve which flight's departure, so that a reschedule can replace them.</summary>
public sealed class ScheduledManifestLock
{
    public Guid Id { get; set; }
    public DateTimeOffset ScheduledDeparture { get; set; }
    public List<string> JobIds { get; set; } = [];
}

/// <summary>The Hangfire job: thin, it only sends the command.</summary>
public sealed class ManifestLockJob(IMessageBus bus)
{
    public Task Run(Guid flightId, DateTimeOffset scheduledDeparture) =>
        bus.InvokeAsync(new LockManifestAtDeadline(flightId, scheduledDeparture));
}

public static class ManifestLockHandler
{
    private const string Process = "manifest-lock";

    public static ScheduleManifestLock Handle(IEvent<FlightPlanned> e) => new(e.StreamId, e.Data.ScheduledDeparture);

    public static ScheduleManifestLock Handle(IEvent<FlightRescheduled> e) => new(e.StreamId, e.Data.NewDeparture);

    /// <summary>
    /// Replaces the flight's earlier jobs by the lock at departure minus the lead time, and the
    /// warnings at the notice deadline and 48 hours before the lock.
    /// </summary>
    public static async Task Handle(ScheduleManifestLock command, IDocumentSession session, IBackgroundJobClient jobs,
        ManifestRules rules, CancellationToken ct)
    {
        var scheduled = await session.LoadAsync<ScheduledManifestLock>(command.FlightId, ct);
        if (scheduled?.ScheduledDeparture == command.ScheduledDeparture)
        {
            return;
        }

        foreach (var old in scheduled?.JobIds ?? [])
        {
            jobs.Delete(old);
        }

        var (flight, departure) = (command.FlightId, command.ScheduledDeparture);
        var lockAt = departure - rules.LockLeadTime;
        var notice = rules.NoticeDeadline(departure);
        var beforeLock = lockAt.AddHours(-48);
        session.Store(new ScheduledManifestLock
        {
            Id = flight,
            ScheduledDeparture = departure,
            JobIds =
            [
                jobs.Schedule<ManifestLockJob>(j => j.Run(flight, departure), lockAt),
                jobs.Schedule<DeadlineWarningJob>(j => j.Run(flight, DeadlineKind.NoticeDeadline, departure, notice), notice),
                jobs.Schedule<DeadlineWarningJob>(j => j.Run(flight, DeadlineKind.LockIn48Hours, departure, lockAt), beforeLock),
            ],
        });
    }

    /// <summary>
    /// Safe to run twice: a locked, moved, cancelled or departed flight is left as it is. Run before its deadline
    /// (it can only have been started by hand), it refuses and puts the lock back at the deadline.
    /// </summary>
    public static async Task Handle(LockManifestAtDeadline command, IDocumentSession session, TimeProvider clock,
        ManifestRules rules, IBackgroundJobClient jobs, ILogger<ManifestLockJob> log, CancellationToken ct)
    {
        var deadline = command.ScheduledDeparture - rules.LockLeadTime;
        if (clock.GetUtcNow() < deadline)
        {
            log.LogWarning("Manifest lock of flight {FlightId} started before its deadline {Deadline}: refused and scheduled again",
                command.FlightId, deadline);
            var (id, departure) = (command.FlightId, command.ScheduledDeparture);
            jobs.Schedule<ManifestLockJob>(j => j.Run(id, departure), deadline);
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
