using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Accountability.Incidents;

public sealed record IncidentAmendment(string Reason, DateTimeOffset AmendedAt);

public sealed record SeriousReport(string SentTo, string? Reference, DateTimeOffset ReportedAt);

public enum SeriousReportStatus
{
    /// <summary>Serious, not reported, the deadline still ahead.</summary>
    Due,

    /// <summary>Reported by the deadline.</summary>
    Reported,

    /// <summary>Not reported, the deadline passed.</summary>
    Overdue,

    /// <summary>Reported after the deadline.</summary>
    ReportedLate,
}

/// <summary>
/// One incident as it stands after its amendments: the write model of the incident's decisions and the document it is
/// read from (inline). The narrative is personal data and goes at erasure; the facts stay for every figure.
/// </summary>
public sealed record Incident(
    Guid Id,
    Guid FlightId,
    State ReportedBy,
    IncidentFacts Facts,
    string? Narrative,
    DateTimeOffset RecordedAt,
    ImmutableList<IncidentAmendment> Amendments,
    SeriousReport? SeriousReport,
    bool Erased)
{
    public long Version { get; init; }

    public static Incident Fold(Incident? incident, object @event) => (incident, @event) switch
    {
        (null, IncidentRecorded e) => new(e.IncidentId, e.FlightId, e.ReportedBy, e.Facts, e.Narrative, e.RecordedAt, [], null, false),
        (null, _) => throw new InvalidOperationException($"An incident stream must start with {nameof(IncidentRecorded)}."),
        (_, IncidentAmended e) => incident with
        {
            Facts = e.Facts, Narrative = e.Narrative, Amendments = incident.Amendments.Add(new IncidentAmendment(e.Reason, e.AmendedAt)),
        },
        (_, SeriousIncidentReported e) => incident with { SeriousReport = new SeriousReport(e.SentTo, e.Reference, e.ReportedAt) },
        (_, IncidentNarrativeErased) => incident with { Narrative = null, Erased = true },
        _ => incident,
    };

    /// <summary>When a serious incident's report is due: a set time after the incident (none for one not serious).</summary>
    public DateTimeOffset? ReportDueAt(AccountabilityRules rules) => Facts.Serious ? Facts.OccurredAt + rules.SeriousReportDue : null;

    public SeriousReportStatus? ReportStatus(AccountabilityRules rules, DateTimeOffset now) => ReportDueAt(rules) switch
    {
        null => null,
        { } due when SeriousReport is { } sent => sent.ReportedAt <= due ? SeriousReportStatus.Reported : SeriousReportStatus.ReportedLate,
        { } due => now <= due ? SeriousReportStatus.Due : SeriousReportStatus.Overdue,
    };

    /// <summary>A serious incident whose report was late, or is overdue now.</summary>
    public bool ReportLate(AccountabilityRules rules, DateTimeOffset now) =>
        ReportStatus(rules, now) is SeriousReportStatus.Overdue or SeriousReportStatus.ReportedLate;
}

public sealed partial class IncidentProjection : SingleStreamProjection<Incident, Guid>
{
    public IncidentProjection()
    {
        foreach (var type in AccountabilityModule.IncidentEvents)
        {
            IncludeType(type);
        }
    }

    public override Incident? Evolve(Incident? snapshot, Guid id, IEvent e) =>
        Incident.Fold(snapshot, e.Data) with { Version = e.Version };
}
