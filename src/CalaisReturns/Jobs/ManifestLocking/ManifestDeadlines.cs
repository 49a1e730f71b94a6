using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.Notifications;
using CalaisReturns.Notifications;
using Wolverine;

namespace CalaisReturns.Jobs.ManifestLocking;

/// <summary>Lock the manifests whose deadline has passed and raise the deadline warnings that have fallen due.</summary>
public sealed record SweepManifestDeadlines;

/// <summary>
/// The recurring Hangfire job (<c>Jobs:DeadlineSweep</c>, every minute by default): thin, it only sends the command.
/// One job for every flight's deadlines, instead of three jobs per flight written when it is planned and replaced
/// when it moves: planning or moving a flight writes nothing but its own events (README, Benchmarks), and the
/// deadlines are read from the schedule, which is written in the same commit as the events that set them.
/// </summary>
public sealed class ManifestDeadlinesJob(IMessageBus bus)
{
    public const string Id = "manifest-deadlines";

    public Task Run() => bus.InvokeAsync(new SweepManifestDeadlines());
}

/// <summary>What is due for one flight at one instant: pure, so that the rules are tested without a database.</summary>
public static class ManifestDeadlines
{
    /// <summary>Whether the manifest lock is due, and the warnings due, each with the deadline it warns of.</summary>
    public sealed record Due(bool Lock, IReadOnlyList<(DeadlineKind Kind, DateTimeOffset Deadline)> Warnings);

    /// <summary>
    /// A booked flight's manifest locks once departure minus the lead time has passed. A planned or booked flight
    /// that has not departed is warned of its notice deadline when it passes, and of its lock 48 hours before.
    /// </summary>
    public static Due For(FlightSchedule flight, DateTimeOffset now, ManifestRules rules)
    {
        var lockAt = flight.ScheduledDeparture - rules.LockLeadTime;
        var open = flight.Status is FlightStatus.Planned or FlightStatus.Booked && now < flight.ScheduledDeparture;
        var warnings = new List<(DeadlineKind, DateTimeOffset)>();
        if (open && rules.NoticeDeadline(flight.ScheduledDeparture) is var notice && notice <= now)
        {
            warnings.Add((DeadlineKind.NoticeDeadline, notice));
        }

        if (open && lockAt.AddHours(-48) <= now && now < lockAt)
        {
            warnings.Add((DeadlineKind.LockIn48Hours, lockAt));
        }

        return new Due(flight.Status == FlightStatus.Booked && lockAt <= now, warnings);
    }

    /// <summary>
    /// How far ahead of now a departure can be for any of its deadlines to have passed: n working days back span at
    /// most n days and two weekend days per started five, which 2n + 2 days bound.
    /// </summary>
    public static TimeSpan Horizon(ManifestRules rules)
    {
        var notice = TimeSpan.FromDays(2 * rules.NoticeWorkingDays + 2);
        var warning = rules.LockLeadTime + TimeSpan.FromHours(48);
        return notice > warning ? notice : warning;
    }
}

public static class ManifestDeadlinesHandler
{
    /// <summary>
    /// One query for the flights near their deadlines; the warnings due are stored together in this command's one
    /// commit (each once: its id is its flight, kind and deadline); each due lock is a command of its own, on its flight's stream.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SweepManifestDeadlines _, IDocumentSession session, TimeProvider clock,
        ManifestRules rules, EmailSettings email, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var horizon = now + ManifestDeadlines.Horizon(rules);
        var flights = await session.Query<FlightSchedule>()
            .Where(f => f.ScheduledDeparture <= horizon
                && (f.Status == FlightStatus.Booked || (f.Status == FlightStatus.Planned && f.ScheduledDeparture > now)))
            .ToListAsync(ct);
        var due = flights.Select(f => (Flight: f, Due: ManifestDeadlines.For(f, now, rules))).ToList();

        var warnings = due.SelectMany(d => d.Due.Warnings.Select(w => new ManifestDeadlineApproaching
        {
            Id = ManifestDeadlineApproaching.IdFor(d.Flight.Id, w.Kind, w.Deadline), FlightId = d.Flight.Id, Reference = d.Flight.Reference,
            Kind = w.Kind, DeadlineAt = w.Deadline, RaisedAt = now, States = [.. d.Flight.ParticipatingStates],
        })).ToList();
        // The e-mails of the new warnings, stored in the durable outbox with them.
        messages.AddRange(await DeadlineWarnings.Raise(session, warnings, email, ct));

        messages.AddRange(due.Where(d => d.Due.Lock).Select(d => new LockManifestAtDeadline(d.Flight.Id, d.Flight.ScheduledDeparture)));
        return messages;
    }
}
