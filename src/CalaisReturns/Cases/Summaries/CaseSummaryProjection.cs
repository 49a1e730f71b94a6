using CalaisReturns.Flights;
using Marten.Events.Projections;

namespace CalaisReturns.Cases.Summaries;

/// <summary>
/// Built from the case's own events and from the manifest events of flights, which say which
/// flight the case is on. Inline: it is current as soon as a command commits.
/// </summary>
public sealed partial class CaseSummaryProjection : MultiStreamProjection<CaseSummary, Guid>
{
    public CaseSummaryProjection()
    {
        Identity<CaseOpened>(e => e.CaseId);
        Identity<TravelDocumentRecorded>(e => e.CaseId);
        Identity<BarrierRaised>(e => e.CaseId);
        Identity<BarrierLifted>(e => e.CaseId);
        Identity<CaseClosed>(e => e.CaseId);
        Identity<PersonalDataErased>(e => e.CaseId);
        Identity<ReturneeManifested>(e => e.CaseId);
        Identity<ReturneeWithdrawn>(e => e.CaseId);
    }

    public CaseSummary Create(CaseOpened e) => new()
    {
        Id = e.CaseId,
        OwningState = e.OwningState,
        CaseReference = e.CaseReference,
        FullName = e.FullName,
        DateOfBirth = e.DateOfBirth,
        Nationality = e.Nationality,
        Status = CaseStatus.Open,
        OpenedAt = e.OpenedAt,
    };

    public void Apply(TravelDocumentRecorded e, CaseSummary view) => view.TravelDocument = new(e.Kind, e.Expiry);

    public void Apply(BarrierRaised e, CaseSummary view) =>
        view.OpenBarriers.Add(new OpenBarrier(e.BarrierId, e.Kind, e.Reference, e.RaisedAt));

    public void Apply(BarrierLifted e, CaseSummary view) => view.OpenBarriers.RemoveAll(b => b.BarrierId == e.BarrierId);

    public void Apply(CaseClosed e, CaseSummary view)
    {
        view.Status = CaseStatus.Closed;
        view.Closure = e.Reason;
        view.ClosedAt = e.ClosedAt;
    }

    public void Apply(PersonalDataErased e, CaseSummary view)
    {
        view.FullName = null;
        view.DateOfBirth = null;
        view.PersonalDataErased = true;
    }

    public void Apply(ReturneeManifested e, CaseSummary view) => view.CurrentFlightId = e.FlightId;

    public void Apply(ReturneeWithdrawn e, CaseSummary view)
    {
        if (view.CurrentFlightId == e.FlightId)
        {
            view.CurrentFlightId = null;
        }
    }
}
