using System.Collections.Immutable;
using CalaisReturns.Flights;

namespace CalaisReturns.Cases.Summaries;

public sealed record TravelDocumentSummary(TravelDocumentKind Kind, DateOnly Expiry);

public sealed record OpenBarrier(Guid BarrierId, BarrierKind Kind, string Reference, DateTimeOffset RaisedAt);

/// <summary>
/// One case as planners see it. The only read model that holds personal data (name, date of
/// birth); <see cref="WithoutPersonalData"/> is what auditors and admins get.
/// </summary>
public sealed record CaseSummary
{
    public Guid Id { get; init; }
    public State OwningState { get; init; }
    public string CaseReference { get; init; } = "";
    public string? FullName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string Nationality { get; init; } = "";
    public CaseStatus Status { get; init; }
    public CaseClosure? Closure { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public TravelDocumentSummary? TravelDocument { get; init; }
    public ImmutableList<OpenBarrier> OpenBarriers { get; init; } = [];
    public Guid? CurrentFlightId { get; init; }
    public bool PersonalDataErased { get; init; }

    public CaseSummary WithoutPersonalData() => this with { FullName = null, DateOfBirth = null };

    /// <summary>Folds one event of the case's stream, or a flight's manifest event about the case.</summary>
    public static CaseSummary? Fold(CaseSummary? view, object @event) => (view, @event) switch
    {
        (null, CaseOpened e) => new CaseSummary
        {
            Id = e.CaseId,
            OwningState = e.OwningState,
            CaseReference = e.CaseReference,
            FullName = e.FullName,
            DateOfBirth = e.DateOfBirth,
            Nationality = e.Nationality,
            Status = CaseStatus.Open,
            OpenedAt = e.OpenedAt,
        },
        (null, _) => null,
        (_, TravelDocumentRecorded e) => view with { TravelDocument = new(e.Kind, e.Expiry) },
        (_, BarrierRaised e) => view with
        {
            OpenBarriers = view.OpenBarriers.Add(new OpenBarrier(e.BarrierId, e.Kind, e.Reference, e.RaisedAt)),
        },
        (_, BarrierLifted e) => view with { OpenBarriers = view.OpenBarriers.RemoveAll(b => b.BarrierId == e.BarrierId) },
        (_, CaseClosed e) => view with { Status = CaseStatus.Closed, Closure = e.Reason, ClosedAt = e.ClosedAt },
        (_, Cases.PersonalDataErased) => view with { FullName = null, DateOfBirth = null, PersonalDataErased = true },
        (_, ReturneeManifested e) => view with { CurrentFlightId = e.FlightId },
        (_, ReturneeWithdrawn e) when view.CurrentFlightId == e.FlightId => view with { CurrentFlightId = null },
        _ => view,
    };
}
