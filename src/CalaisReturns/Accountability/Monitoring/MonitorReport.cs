using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Accountability.Monitoring;

public enum MonitorReportStatus
{
    /// <summary>Observations recorded, or a report with findings not all answered.</summary>
    Open,

    /// <summary>Submitted, and every finding answered.</summary>
    Closed,
}

public sealed record Observation(Guid ObservationId, DateTimeOffset ObservedAt, Guid? StopId, string Text, DateTimeOffset RecordedAt);

public sealed record FindingAnswer(State AnsweredBy, bool Accepted, string? Action, string? Reason, DateTimeOffset AnsweredAt);

public sealed record Finding(Guid FindingId, string Text, FindingSeverity Severity, FindingAnswer? Answer);

/// <summary>
/// The monitor's report on one flight: the observations made during the operation, then the findings submitted once,
/// each answered by the lead state. One stream per flight (its id derived from the flight's), the write model of its
/// decisions and the document it is read from (inline).
/// </summary>
public sealed record MonitorReport(
    Guid Id,
    Guid FlightId,
    string Organisation,
    ImmutableList<Observation> Observations,
    ImmutableList<Finding> Findings,
    DateTimeOffset? SubmittedAt)
{
    public long Version { get; init; }

    /// <summary>Closed once submitted with every finding answered (a report without findings closes as it is submitted).</summary>
    public MonitorReportStatus Status =>
        SubmittedAt is not null && Findings.All(f => f.Answer is not null) ? MonitorReportStatus.Closed : MonitorReportStatus.Open;

    public DateTimeOffset? ClosedAt => Status == MonitorReportStatus.Closed
        ? Findings.Select(f => f.Answer!.AnsweredAt).Append(SubmittedAt!.Value).Max()
        : null;

    /// <summary>The report stream of a flight: one per flight, so a retried first observation finds it.</summary>
    public static Guid IdFor(Guid flightId) => StreamIds.Derived($"monitor-report|{flightId}");

    public static MonitorReport Fold(MonitorReport? report, object @event) => (report, @event) switch
    {
        (null, MonitorObservationRecorded e) => Fold(new MonitorReport(e.ReportId, e.FlightId, e.Organisation, [], [], null), e),
        (null, MonitorReportSubmitted e) => Fold(new MonitorReport(e.ReportId, e.FlightId, e.Organisation, [], [], null), e),
        (null, _) => throw new InvalidOperationException("A monitor's report stream starts with an observation or the report."),
        (_, MonitorObservationRecorded e) => report with
        {
            Observations = report.Observations.Add(new Observation(e.ObservationId, e.ObservedAt, e.StopId, e.Text, e.RecordedAt)),
        },
        (_, MonitorReportSubmitted e) => report with
        {
            Findings = [.. e.Findings.Select(f => new Finding(f.FindingId, f.Text, f.Severity, null))],
            SubmittedAt = e.SubmittedAt,
        },
        (_, MonitorFindingAnswered e) => report with
        {
            Findings = [.. report.Findings.Select(f => f.FindingId == e.FindingId
                ? f with { Answer = new FindingAnswer(e.AnsweredBy, e.Accepted, e.Action, e.Reason, e.AnsweredAt) }
                : f)],
        },
        _ => report,
    };
}

public sealed partial class MonitorReportProjection : SingleStreamProjection<MonitorReport, Guid>
{
    public MonitorReportProjection()
    {
        foreach (var type in AccountabilityModule.MonitorReportEvents)
        {
            IncludeType(type);
        }
    }

    public override MonitorReport? Evolve(MonitorReport? snapshot, Guid id, IEvent e) =>
        MonitorReport.Fold(snapshot, e.Data) with { Version = e.Version };
}
