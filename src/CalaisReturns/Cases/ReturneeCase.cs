using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Cases;

public enum CaseStatus
{
    Open,
    Closed,
}

/// <summary>
/// The write model of one person's case: what manifest and case decisions need, no personal data.
/// <see cref="Fold"/> is its one fold: the projection Marten loads it with and the tests both call it.
/// </summary>
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
    public static ReturneeCase Fold(ReturneeCase? @case, object @event) => (@case, @event) switch
    {
        (null, CaseOpened e) => new(e.CaseId, e.OwningState, e.CaseReference, e.Nationality, CaseStatus.Open, null,
            ImmutableDictionary<Guid, BarrierKind>.Empty, null, false),
        (null, _) => throw new InvalidOperationException($"A case stream must start with {nameof(CaseOpened)}."),
        (_, TravelDocumentRecorded e) => @case with { TravelDocumentExpiry = e.Expiry },
        (_, BarrierRaised e) => @case with { OpenBarriers = @case.OpenBarriers.SetItem(e.BarrierId, e.Kind) },
        (_, BarrierLifted e) => @case with { OpenBarriers = @case.OpenBarriers.Remove(e.BarrierId) },
        (_, CaseClosed e) => @case with { Status = CaseStatus.Closed, ClosedAt = e.ClosedAt },
        (_, PersonalDataErased) => @case with { Erased = true },
        _ => @case,
    };

    public bool IsBarred => !OpenBarriers.IsEmpty;

    public Decision? RefuseUnlessOpen() =>
        Status == CaseStatus.Closed ? Decision.Refuse("Refusal.CaseClosed", Reference) : null;
}

/// <summary>Loads the <see cref="ReturneeCase"/> write model live from its stream, with <see cref="ReturneeCase.Fold"/>.</summary>
public sealed partial class ReturneeCaseProjection : SingleStreamProjection<ReturneeCase, Guid>
{
    public ReturneeCaseProjection()
    {
        foreach (var type in CasesModule.EventTypes)
        {
            IncludeType(type);
        }
    }

    public override ReturneeCase? Evolve(ReturneeCase? snapshot, Guid id, IEvent e) =>
        snapshot is null && e.Data is not CaseOpened ? null : ReturneeCase.Fold(snapshot, e.Data);
}
