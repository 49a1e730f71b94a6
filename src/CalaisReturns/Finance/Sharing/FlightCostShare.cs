using JasperFx.Core;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Finance.Sharing;

/// <summary>
/// One flight's cost share as finance reads it: the facts, the finance version a command on them must
/// send, and the figures <see cref="CostShare.Compute"/> makes of the facts. The figures are derived
/// whenever they are read — once when the document is written, once when it is sent — never cached.
/// </summary>
public sealed record FlightCostShare
{
    public Guid Id { get; init; }

    /// <summary>The finance version (<see cref="IConcernState"/>), set from the ledger (ignored by Marten's own version convention).</summary>
    [JasperFxIgnore]
    public int Version { get; init; }

    public FlightFinance Facts { get; init; } = null!;

    public CostShareFigures Figures => CostShare.Compute(Facts);

    /// <summary>What the flight costs each state, as the budgets count it: derived like the figures.</summary>
    public Budgets.BudgetLine Budget => Budgets.BudgetLine.Of(Facts);

    public static FlightCostShare Of(FlightLedger ledger) => new() { Id = ledger.Id, Version = (int)ledger.Version, Facts = ledger.Facts };
}

/// <summary>Inline, from the same fold as the finance write model (<see cref="FlightLedger.Fold"/>).</summary>
public sealed partial class FlightCostShareProjection : SingleStreamProjection<FlightCostShare, Guid>
{
    public FlightCostShareProjection()
    {
        foreach (var type in FinanceModule.FactTypes)
        {
            IncludeType(type);
        }
    }

    public override FlightCostShare? Evolve(FlightCostShare? snapshot, Guid id, IEvent e) =>
        FlightLedger.Fold(snapshot is null ? null : new FlightLedger(snapshot.Id, snapshot.Facts) { Version = snapshot.Version }, e)
            is { } ledger ? FlightCostShare.Of(ledger) : null;
}
