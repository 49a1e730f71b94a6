using JasperFx;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Finance.Sharing;

/// <summary>One flight's cost share: its finance facts and the figures computed from them.</summary>
public sealed class FlightCostShare : IRevisioned
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public FlightFinance Facts { get; set; } = null!;
    public CostShareFigures Figures { get; set; } = null!;
}

/// <summary>
/// Inline: folds each event with <see cref="FlightFinance.Fold"/> and recomputes with
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

        return new FlightCostShare { Id = id, Version = (int)e.Version, Facts = facts, Figures = CostShare.Compute(facts) };
    }
}
