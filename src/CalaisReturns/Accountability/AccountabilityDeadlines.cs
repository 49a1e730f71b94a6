using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.Notifications;
using CalaisReturns.Notifications;
using Wolverine;

namespace CalaisReturns.Accountability;

/// <summary>Warn of serious-incident reports falling due or late, and remind the lead state of unanswered findings.</summary>
public sealed record SweepAccountabilityDeadlines;

/// <summary>The recurring Hangfire job (<c>Jobs:AccountabilitySweep</c>, every five minutes by default): it only sends the command.</summary>
public sealed class AccountabilityDeadlinesJob(IMessageBus bus)
{
    public const string Id = "accountability-deadlines";

    public Task Run() => bus.InvokeAsync(new SweepAccountabilityDeadlines());
}

/// <summary>What is due at one instant: pure, so that the rules are tested without a database.</summary>
public static class AccountabilityDeadlines
{
    /// <summary>
    /// A serious incident not yet reported: warned once the deadline is nearer than the warning time, flagged late
    /// once it has passed. Returns the warning due (if any) with the deadline it is about.
    /// </summary>
    public static (DeadlineKind Kind, DateTimeOffset Deadline)? For(Incident incident, AccountabilityRules rules, DateTimeOffset now) =>
        incident.ReportStatus(rules, now) switch
        {
            SeriousReportStatus.Overdue => (DeadlineKind.SeriousReportOverdue, incident.ReportDueAt(rules)!.Value),
            SeriousReportStatus.Due when incident.ReportDueAt(rules)!.Value - rules.SeriousReportWarning <= now =>
                (DeadlineKind.SeriousReportDue, incident.ReportDueAt(rules)!.Value),
            _ => null,
        };

    /// <summary>
    /// A submitted report with findings unanswered: a reminder when the answer time has passed, and another each time it
    /// passes again (each reminder names the latest of those instants, so each is raised once).
    /// </summary>
    public static DateTimeOffset? Reminder(MonitorReport report, AccountabilityRules rules, DateTimeOffset now)
    {
        if (report.SubmittedAt is not { } submitted || report.Status == MonitorReportStatus.Closed || now < submitted + rules.FindingAnswerDue)
        {
            return null;
        }

        var periods = (long)((now - submitted).Ticks / rules.FindingAnswerDue.Ticks);
        return submitted + TimeSpan.FromTicks(rules.FindingAnswerDue.Ticks * periods);
    }
}

public static class AccountabilityDeadlinesHandler
{
    /// <summary>
    /// One query each for the serious incidents not reported and the reports not closed; each warning is stored once
    /// (its id is its subject, kind and deadline), with its e-mails in the durable outbox in the same commit: a serious
    /// incident's to the reporting state's planners, a report's reminder to the lead state's.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SweepAccountabilityDeadlines _, IDocumentSession session, TimeProvider clock,
        AccountabilityRules rules, EmailSettings email, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var warnFrom = now + rules.SeriousReportWarning - rules.SeriousReportDue;
        var remindFrom = now - rules.FindingAnswerDue;
        var unreported = await session.Query<Incident>()
            .Where(i => i.Facts.Serious && i.SeriousReport == null && i.Facts.OccurredAt <= warnFrom)
            .ToListAsync(ct);
        var open = await session.Query<MonitorReport>()
            .Where(r => r.SubmittedAt != null && r.SubmittedAt <= remindFrom)
            .ToListAsync(ct);
        var flights = (await session.LoadManyAsync<FlightSchedule>(ct,
            [.. unreported.Select(i => i.FlightId).Concat(open.Select(r => r.FlightId)).Distinct()])).ToDictionary(f => f.Id);
        var due = new List<ManifestDeadlineApproaching>();
        foreach (var incident in unreported)
        {
            if (AccountabilityDeadlines.For(incident, rules, now) is { } warning && flights.GetValueOrDefault(incident.FlightId) is { } flight)
            {
                due.Add(Warning(incident.Id, flight, warning.Kind, warning.Deadline, incident.ReportedBy, now));
            }
        }

        foreach (var report in open)
        {
            if (AccountabilityDeadlines.Reminder(report, rules, now) is { } at && flights.GetValueOrDefault(report.FlightId) is { } flight)
            {
                due.Add(Warning(report.Id, flight, DeadlineKind.FindingsUnanswered, at, flight.LeadState, now));
            }
        }

        messages.AddRange(await DeadlineWarnings.Raise(session, due, email, ct));
        return messages;
    }

    private static ManifestDeadlineApproaching Warning(Guid subjectId, FlightSchedule flight, DeadlineKind kind, DateTimeOffset deadline,
        State state, DateTimeOffset now) => new()
    {
        Id = ManifestDeadlineApproaching.IdFor(subjectId, kind, deadline), FlightId = flight.Id, Reference = flight.Reference, Kind = kind,
        DeadlineAt = deadline, RaisedAt = now, States = [state],
    };
}
