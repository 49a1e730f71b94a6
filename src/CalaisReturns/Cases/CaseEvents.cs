
namespace CalaisReturns.Cases;

// Events of the ReturneeCase stream. CaseOpened is the only event of a case that holds personal data (name and date of
// birth); erasure masks those two fields in place.

public sealed record CaseOpened(
    Guid CaseId,
    State OwningState,
    string CaseReference,
    string? FullName,
    string Nationality,
    DateOnly? DateOfBirth,
    DateTimeOffset OpenedAt) : IHoldsPersonalData
{
    public string? PersonalText() => FullName is { } name ? $"|{name}|{DateOfBirth:yyyy-MM-dd}" : null;

    public object WithoutPersonalData() => this with { FullName = null, DateOfBirth = null };

    public bool PersonalDataMasked() => FullName is null && DateOfBirth is null;
}

public enum TravelDocumentKind
{
    Passport,
    EmergencyTravelDocument,
    LaissezPasser,
}

/// <summary>Kind and expiry only: the document number is not needed to decide anything, so it is not kept.</summary>
public sealed record TravelDocumentRecorded(Guid CaseId, TravelDocumentKind Kind, DateOnly Expiry, DateTimeOffset RecordedAt);

public enum BarrierKind
{
    AsylumClaimPending,
    JudicialReview,
    Rule39InterimMeasure,
    TraffickingReferral,
    MedicallyUnfit,
    NoTravelDocument,
    Other,
}

public sealed record BarrierRaised(Guid CaseId, Guid BarrierId, BarrierKind Kind, string Reference, DateTimeOffset RaisedAt);

public sealed record BarrierLifted(Guid CaseId, Guid BarrierId, string Reason, DateTimeOffset LiftedAt);

public enum CaseClosure
{
    Removed,
    Released,
    VoluntaryDeparture,
    Transferred,
}

public sealed record CaseClosed(Guid CaseId, CaseClosure Reason, DateTimeOffset ClosedAt);

public sealed record PersonalDataErased(Guid CaseId, DateTimeOffset ErasedAt) : IErasesPersonalData;
