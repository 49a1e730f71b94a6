using System.Collections.Immutable;

namespace CalaisReturns.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>The write model of one person's case: what manifest and case decisions need, no personal data.</summary>
public sealed record ReturneeCase(
    Guid Id,
    State OwningState,
    string Reference,
    string Nationality,
    CaseStatus Status,
    DateOnly? TravelDocumentExpiry,
    ImmutableDictionary<Guid, BarrierKind> OpenBarriers,
    DateTimeOffset? ClosedAt,
    bool Erased)
{
    public static ReturneeCase Create(CaseOpened e) =>
        new(e.CaseId, e.OwningState, e.CaseReference, e.Nationality, CaseStatus.Open, null,
            ImmutableDictionary<Guid, BarrierKind>.Empty, null, false);

    public ReturneeCase Apply(TravelDocumentRecorded e) => this with { TravelDocumentExpiry = e.Expiry };

    public ReturneeCase Apply(BarrierRaised e) => this with { OpenBarriers = OpenBarriers.SetItem(e.BarrierId, e.Kind) };

    public ReturneeCase Apply(BarrierLifted e) => this with { OpenBarriers = OpenBarriers.Remove(e.BarrierId) };

    public ReturneeCase Apply(CaseClosed e) => this with { Status = CaseStatus.Closed, ClosedAt = e.ClosedAt };

    public ReturneeCase Apply(PersonalDataErased _) => this with { Erased = true };

    /// <summary>Folds one event into the case: the steps Marten takes when it loads the stream.</summary>
    public static ReturneeCase Fold(ReturneeCase? @case, object @event) => (@case, @event) switch
    {
        (null, CaseOpened e) => Create(e),
        (null, _) => throw new InvalidOperationException($"A case stream must start with {nameof(CaseOpened)}."),
        (_, TravelDocumentRecorded e) => @case.Apply(e),
        (_, BarrierRaised e) => @case.Apply(e),
        (_, BarrierLifted e) => @case.Apply(e),
        (_, CaseClosed e) => @case.Apply(e),
        (_, PersonalDataErased e) => @case.Apply(e),
        _ => @case,
    };

    public bool IsBarred => !OpenBarriers.IsEmpty;

    public Decision? RefuseUnlessOpen() =>
        Status == CaseStatus.Closed ? Decision.Refuse($"Case {Reference} is closed.") : null;
}
