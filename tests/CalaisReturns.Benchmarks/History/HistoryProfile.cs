using System.Globalization;
using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;

namespace CalaisReturns.Benchmarks.History;

/// <summary>The distributions a generated history holds, as the report states them.</summary>
public sealed record HistoryProfile(
    int Flights,
    int Cases,
    double CancelledShare,
    double RescheduledShare,
    Spread ManifestedPerFlight,
    double ReserveShare,
    Spread CostLinesPerFlight,
    double BarredShare)
{
    public static HistoryProfile Of(IEnumerable<HistoryEvent> events)
    {
        var manifested = new Dictionary<Guid, int>();
        var costLines = new Dictionary<Guid, int>();
        var cancelled = new HashSet<Guid>();
        var rescheduled = new HashSet<Guid>();
        var barred = new HashSet<Guid>();
        int flights = 0, cases = 0, entries = 0, reserves = 0;
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case FlightPlanned:
                    flights++;
                    manifested[e.StreamId] = 0;
                    costLines[e.StreamId] = 0;
                    break;
                case CaseOpened:
                    cases++;
                    break;
                case FlightCancelled:
                    cancelled.Add(e.StreamId);
                    break;
                case FlightRescheduled:
                    rescheduled.Add(e.StreamId);
                    break;
                case ReturneeManifested m:
                    manifested[e.StreamId]++;
                    entries++;
                    reserves += m.Status == ManifestStatus.Reserve ? 1 : 0;
                    break;
                case CostRecorded:
                    costLines[e.StreamId]++;
                    break;
                case BarrierRaised:
                    barred.Add(e.StreamId);
                    break;
            }
        }

        var flown = manifested.Keys.Where(id => !cancelled.Contains(id)).ToList();
        return new HistoryProfile(
            flights,
            cases,
            Share(cancelled.Count, flights),
            Share(rescheduled.Count, flights),
            Spread.Of(flown.Select(id => manifested[id])),
            Share(reserves, entries),
            Spread.Of(flown.Select(id => costLines[id])),
            Share(barred.Count, cases));
    }

    /// <summary>One sentence for the report.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Flights:N0} flights and {Cases:N0} cases; {CancelledShare:P0} of flights cancelled and {RescheduledShare:P0} rescheduled; "
        + $"flights not cancelled put {ManifestedPerFlight} returnees on their manifest ({ReserveShare:P0} of the entries on reserve) "
        + $"and have {CostLinesPerFlight} cost lines; a barrier was raised on {BarredShare:P0} of the cases");

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>The smallest, median, mean and largest of some counts.</summary>
public sealed record Spread(int Min, int Median, double Mean, int Max)
{
    public static Spread Of(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new Spread(0, 0, 0, 0) : new Spread(sorted[0], sorted[sorted.Length / 2], sorted.Average(), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} (median {Median}, mean {Mean:0.0})");
}
