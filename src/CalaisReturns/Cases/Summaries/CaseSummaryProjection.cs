using CalaisReturns.Flights;
using JasperFx.Events;
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

    public override CaseSummary? Evolve(CaseSummary? snapshot, Guid id, IEvent e) => CaseSummary.Fold(snapshot, e.Data);
}
