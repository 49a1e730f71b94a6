namespace CalaisReturns.Accountability;

// Events of the accountability streams: an officer of the roster, an incident, a flight's monitor's report, a complaint.
// Each is a stream of its own, so that the personal data some of them hold (an officer's name, the free text of an
// incident or a complaint) is where erasure reaches it, never on a flight's stream; they name flights, stops, cases and
// officers by id and reference only.

/// <summary>An officer joins the state's roster. The name is personal data: sealed by digest, masked at erasure.</summary>
public sealed record OfficerEnrolled(
    Guid OfficerId,
    State State,
    string StaffNumber,
    string? Name,
    string Grade,
    DateOnly CertificateExpiry,
    DateOnly RestraintTrainingExpiry,
    DateTimeOffset EnrolledAt) : IHoldsPersonalData
{
    public string? PersonalText() => Name is { } name ? $"|{name}|" : null;

    public object WithoutPersonalData() => this with { Name = null };

    public bool PersonalDataMasked() => Name is null;
}

/// <summary>A renewed certificate or restraint training, or a new grade.</summary>
public sealed record OfficerQualificationsRenewed(
    Guid OfficerId,
    string Grade,
    DateOnly CertificateExpiry,
    DateOnly RestraintTrainingExpiry,
    DateTimeOffset RenewedAt);

/// <summary>The officer left the roster: assigned no more; the name is erased once the retention period has passed.</summary>
public sealed record OfficerLeft(Guid OfficerId, DateTimeOffset LeftAt);

public sealed record OfficerPersonalDataErased(Guid OfficerId, DateTimeOffset ErasedAt) : IErasesPersonalData;

public enum IncidentPhase
{
    PreDeparture,
    Boarding,
    InFlight,
    Stopover,
    Handover,
}

public enum IncidentCategory
{
    UseOfForce,
    MedicalEmergency,
    SelfHarm,
    DisruptiveBehaviour,
    PropertyDamage,
    ComplaintMade,
    Other,
}

public enum RestraintTechnique
{
    EscortHold,
    Handcuffs,
    RestraintBelt,
    LegRestraints,
    HeadSupport,
    Carry,
    Other,
}

/// <summary>Force used: how, from when to when (the duration inspectors ask for), authorised by which officer.</summary>
public sealed record UseOfForce(
    RestraintTechnique Technique,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    Guid AuthorisedBy,
    bool MedicalAttentionGiven);

/// <summary>What happened, as a report states it: everything but the narrative is a fact figures are built on.</summary>
public sealed record IncidentFacts(
    DateTimeOffset OccurredAt,
    Guid StopId,
    IncidentPhase Phase,
    IncidentCategory Category,
    IReadOnlyList<Guid> CaseIds,
    IReadOnlyList<Guid> OfficerIds,
    bool Serious,
    UseOfForce? UseOfForce);

/// <summary>
/// An incident on a flight, reported by a planner or escort leader of a participating state. The narrative is personal
/// data (it speaks of people): sealed by digest, masked at erasure.
/// </summary>
public sealed record IncidentRecorded(
    Guid IncidentId,
    Guid FlightId,
    State ReportedBy,
    IncidentFacts Facts,
    string? Narrative,
    DateTimeOffset RecordedAt) : IHoldsPersonalData
{
    public string? PersonalText() => Narrative is { } text ? $"|{text}|" : null;

    public object WithoutPersonalData() => this with { Narrative = null };

    public bool PersonalDataMasked() => Narrative is null;
}

/// <summary>A report is never edited: an amendment states the whole report again, with the reason.</summary>
public sealed record IncidentAmended(
    Guid IncidentId,
    IncidentFacts Facts,
    string? Narrative,
    string Reason,
    DateTimeOffset AmendedAt) : IHoldsPersonalData
{
    public string? PersonalText() => Narrative is { } text ? $"|{text}|" : null;

    public object WithoutPersonalData() => this with { Narrative = null };

    public bool PersonalDataMasked() => Narrative is null;
}

/// <summary>The serious-incident report was sent to the authority that must have it (e.g. Frontex, the PSU).</summary>
public sealed record SeriousIncidentReported(Guid IncidentId, string SentTo, string? Reference, DateTimeOffset ReportedAt);

public sealed record IncidentNarrativeErased(Guid IncidentId, DateTimeOffset ErasedAt) : IErasesPersonalData;

public enum FindingSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>What the monitor saw during the operation, as it happened: the notes the report is written from.</summary>
public sealed record MonitorObservationRecorded(
    Guid ReportId,
    Guid FlightId,
    string Organisation,
    Guid ObservationId,
    DateTimeOffset ObservedAt,
    Guid? StopId,
    string Text,
    DateTimeOffset RecordedAt);

public sealed record MonitorFinding(Guid FindingId, string Text, FindingSeverity Severity);

/// <summary>The monitor's report, submitted once: its findings, each to be answered by the lead state.</summary>
public sealed record MonitorReportSubmitted(
    Guid ReportId,
    Guid FlightId,
    string Organisation,
    IReadOnlyList<MonitorFinding> Findings,
    DateTimeOffset SubmittedAt);

/// <summary>The lead state's answer to one finding: accepted with the action taken, or rejected with why.</summary>
public sealed record MonitorFindingAnswered(
    Guid ReportId,
    Guid FindingId,
    State AnsweredBy,
    bool Accepted,
    string? Action,
    string? Reason,
    DateTimeOffset AnsweredAt);

public enum ComplaintOutcome
{
    Upheld,
    PartlyUpheld,
    NotUpheld,
    Withdrawn,
}

/// <summary>
/// A complaint on behalf of a returnee about an officer, routed to the officer's home state. The text is personal data:
/// sealed by digest, masked at erasure.
/// </summary>
public sealed record ComplaintMade(
    Guid ComplaintId,
    Guid CaseId,
    string CaseReference,
    Guid OfficerId,
    string StaffNumber,
    State OfficerState,
    State MadeBy,
    Guid? FlightId,
    string? Text,
    DateTimeOffset MadeAt) : IHoldsPersonalData
{
    public string? PersonalText() => Text is { } text ? $"|{text}|" : null;

    public object WithoutPersonalData() => this with { Text = null };

    public bool PersonalDataMasked() => Text is null;
}

public sealed record ComplaintReceived(Guid ComplaintId, DateTimeOffset ReceivedAt);

/// <summary>The officer's state has begun examining the complaint.</summary>
public sealed record ComplaintExaminationStarted(Guid ComplaintId, DateTimeOffset StartedAt);

/// <summary>The officer's state's conclusion. The summary is personal data like the complaint's text.</summary>
public sealed record ComplaintConcluded(Guid ComplaintId, ComplaintOutcome Outcome, string? Summary, DateTimeOffset ConcludedAt)
    : IHoldsPersonalData
{
    public string? PersonalText() => Summary is { } text ? $"|{text}|" : null;

    public object WithoutPersonalData() => this with { Summary = null };

    public bool PersonalDataMasked() => Summary is null;
}

public sealed record ComplaintTextErased(Guid ComplaintId, DateTimeOffset ErasedAt) : IErasesPersonalData;
