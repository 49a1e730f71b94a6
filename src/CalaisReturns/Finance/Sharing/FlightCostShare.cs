using JasperFx;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Finance.Sharing;

/// <summary>
/// One flight's cost share: its finance facts and the figures computed from them. The figures are
/// computed when first read — at the latest when the document is written — so a projection that folds
/// many events into one document before writing it (a rebuild, a live as-of aggregation) computes them
/// once instead of after every event: on the generated decade's flights (about 345 cost lines each)
/// that recomputation was most of the rebuild. They are stored with the document for readers of its JSON.
/// </summary>
public sealed class FlightCostShare : IRevisioned
{
    private CostShareFigures? figures;

    public Guid Id { get; set; }
    public int Version { get; set; }

    public FlightFinance Facts
    {
        get;
        set
        {
            field = value;
            figures = null;
        }
    } = null!;

    public CostShareFigures Figures => figures ??= CostShare.Compute(Facts);
}

/// <summary>
/// Inline: folds each event with <see cref="FlightFinance.Fold"/>; the figures come from
/// <see cref="CostShare.Compute"/> — the same code as the commands and every as-of replay.
/// </summary>
public sealed partial class FlightCostShareProjection : SingleStreamProjection<FlightCostShare, Guid>
{
    public override FlightCostShare? Evolve(FlightCostShare? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not Flights.FlightPlanned)
        {
            return null;
        }

        var facts = FlightFinance.Fold(snapshot?.Facts, e.Data);
        if (snapshot is not null && ReferenceEquals(facts, snapshot.Facts))
        {
            // An operational event that changes no finance fact: the figures stand.
            snapshot.Version = (int)e.Version;
            return snapshot;
        }

        return new FlightCostShare { Id = id, Version = (int)e.Version, Facts = facts };
    }
}
