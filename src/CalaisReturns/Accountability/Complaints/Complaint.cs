using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Accountability.Complaints;

public enum ComplaintStatus
{
    Made,
    Received,
    UnderExamination,
    Concluded,
}

/// <summary>
/// One complaint about an officer on behalf of a returnee, routed to the officer's home state: the write model of its
/// decisions and the document it is read from (inline). The texts are personal data and go at erasure.
/// </summary>
public sealed record Complaint(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    Guid OfficerId,
    string StaffNumber,
    State OfficerState,
    State MadeBy,
    Guid? FlightId,
    string? Text,
    DateTimeOffset MadeAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? ExaminationStartedAt,
    ComplaintOutcome? Outcome,
    string? OutcomeSummary,
    DateTimeOffset? ConcludedAt,
    bool Erased)
{
    public long Version { get; init; }

    public ComplaintStatus Status => ConcludedAt is not null ? ComplaintStatus.Concluded
        : ExaminationStartedAt is not null ? ComplaintStatus.UnderExamination
        : ReceivedAt is not null ? ComplaintStatus.Received
        : ComplaintStatus.Made;

    public static Complaint Fold(Complaint? complaint, object @event) => (complaint, @event) switch
    {
        (null, ComplaintMade e) => new(e.ComplaintId, e.CaseId, e.CaseReference, e.OfficerId, e.StaffNumber, e.OfficerState, e.MadeBy,
            e.FlightId, e.Text, e.MadeAt, null, null, null, null, null, false),
        (null, _) => throw new InvalidOperationException($"A complaint stream must start with {nameof(ComplaintMade)}."),
        (_, ComplaintReceived e) => complaint with { ReceivedAt = e.ReceivedAt },
        (_, ComplaintExaminationStarted e) => complaint with { ExaminationStartedAt = e.StartedAt },
        (_, ComplaintConcluded e) => complaint with { Outcome = e.Outcome, OutcomeSummary = e.Summary, ConcludedAt = e.ConcludedAt },
        (_, ComplaintTextErased) => complaint with { Text = null, OutcomeSummary = null, Erased = true },
        _ => complaint,
    };
}

public sealed partial class ComplaintProjection : SingleStreamProjection<Complaint, Guid>
{
    public ComplaintProjection()
    {
        foreach (var type in AccountabilityModule.ComplaintEvents)
        {
            IncludeType(type);
        }
    }

    public override Complaint? Evolve(Complaint? snapshot, Guid id, IEvent e) =>
        Complaint.Fold(snapshot, e.Data) with { Version = e.Version };
}
