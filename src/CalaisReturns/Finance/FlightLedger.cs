using JasperFx.Core;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Finance;

/// <summary>
/// The write model of a flight's finance: its <see cref="FlightFinance"/> facts and the finance
/// <see cref="Version"/> (<see cref="IConcernState"/>), which moves on finance events and on the
/// operational facts the figures use (<see cref="FinanceModule.Bears"/>), never on the manifest,
/// staffing or a reschedule. Kept inline as a document of its own, so that a decision loads one row.
/// </summary>
public sealed record FlightLedger(Guid Id, FlightFinance Facts) : IConcernState
{
    /// <summary>Set by <see cref="Fold"/> alone (ignored by Marten's own version convention).</summary>
    [JasperFxIgnore]
    public long Version { get; init; }

    public static FlightLedger? Fold(FlightLedger? ledger, IEvent e)
    {
        if (ledger is null && e.Data is not Flights.FlightPlanned)
        {
            return null;
        }

        var facts = FlightFinance.Fold(ledger?.Facts, e.Data);
        return new FlightLedger(facts.Id, facts) { Version = FinanceModule.Bears(e.EventType) ? e.Version : ledger!.Version };
    }
}

public sealed partial class FlightLedgerProjection : SingleStreamProjection<FlightLedger, Guid>
{
    public FlightLedgerProjection()
    {
        foreach (var type in FinanceModule.FactTypes)
        {
            IncludeType(type);
        }
    }

    public override FlightLedger? Evolve(FlightLedger? snapshot, Guid id, IEvent e) => FlightLedger.Fold(snapshot, e);
}
