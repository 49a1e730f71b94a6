using CalaisReturns.Finance.Reporting;
using CalaisReturns.Jobs.PeriodSnapshots;

namespace CalaisReturns.Finance.Periods;

/// <summary>
/// Changes to closed months, reported in the next open month instead of rewriting the closed report (DESIGN.md "Closed
/// period"). A month's adjustments come from the closed months just before it (every month between them closed too):
/// for each, its flights' figures now, less the closed report's, less the adjustments already issued in the closed
/// reports of the months between, where those were closed after it.
/// </summary>
public static class Adjustments
{
    /// <summary>The adjustments a month reports, reading each closed month's current figures with <paramref name="current"/>.</summary>
    public static async Task<List<ReportAdjustment>> For(IQuerySession session, Period month, Func<Period, Task<CostShareReport>> current,
        CancellationToken ct)
    {
        var closures = (await session.Query<PeriodClosure>().Where(c => c.Closed).ToListAsync(ct)).ToDictionary(c => c.Month);
        var before = new List<(Period Month, PeriodClosure Closure)>();
        for (var m = Previous(month); closures.TryGetValue(m.Name, out var closure); m = Previous(m))
        {
            before.Insert(0, (m, closure));
        }

        if (before.Count == 0)
        {
            return [];
        }

        var reports = (await session.LoadManyAsync<PeriodSnapshot>(ct, before.Select(b => PeriodSnapshots.ClosedId(b.Month.Name, b.Closure.Closing))))
            .ToDictionary(s => s.Id);
        var adjustments = new List<ReportAdjustment>();
        foreach (var (closed, closure) in before)
        {
            if (!reports.TryGetValue(PeriodSnapshots.ClosedId(closed.Name, closure.Closing), out var issued))
            {
                continue;
            }

            var reported = before.Where(b => string.CompareOrdinal(b.Month.Name, closed.Name) > 0 && b.Closure.ClosedAt > closure.ClosedAt)
                .Select(b => reports.GetValueOrDefault(PeriodSnapshots.ClosedId(b.Month.Name, b.Closure.Closing)))
                .OfType<PeriodSnapshot>()
                .SelectMany(s => s.Report.Adjustments.Where(a => a.Month == closed.Name));
            adjustments.AddRange(Deltas(closed.Name, issued.Report.FlightList, (await current(closed)).FlightList, reported));
        }

        return adjustments;
    }

    /// <summary>
    /// Pure: per flight and currency, its figures now less its figures in the closed report less what was already reported;
    /// only the changes that are not zero.
    /// </summary>
    public static IEnumerable<ReportAdjustment> Deltas(string month, IEnumerable<ReportFlight> closed, IEnumerable<ReportFlight> now,
        IEnumerable<ReportAdjustment> reported)
    {
        var was = closed.ToDictionary(f => f.FlightId);
        var @is = now.ToDictionary(f => f.FlightId);
        var already = reported.ToLookup(a => (a.FlightId, a.Currency));
        foreach (var id in was.Keys.Union(@is.Keys).OrderBy(id => (@is.GetValueOrDefault(id) ?? was[id]).Reference, StringComparer.Ordinal))
        {
            var reference = (@is.GetValueOrDefault(id) ?? was[id]).Reference;
            foreach (var currency in Enum.GetValues<Currency>())
            {
                var delta = Vector(@is.GetValueOrDefault(id), currency) - Vector(was.GetValueOrDefault(id), currency)
                    - already[(id, currency)].Aggregate(Figures.Zero, (sum, a) => sum + Figures.Of(a));
                if (!delta.IsZero)
                {
                    yield return new ReportAdjustment(month, id, reference, currency, delta.SharedTotal, delta.States());
                }
            }
        }
    }

    private static Figures Vector(ReportFlight? flight, Currency currency) =>
        flight is { SettlementCurrency: { } c, SharedTotal: { } total } && c == currency
            ? new Figures(total, [.. Enum.GetValues<State>().Select(s => flight.States.FirstOrDefault(f => f.State == s)
                ?? new ReportStateFigures(s, 0m, 0m, 0m, 0m))])
            : Figures.Zero;

    private static Period Previous(Period month) => Period.MonthOf(month.From.AddMonths(-1));

    /// <summary>A flight's reported figures as numbers to add and subtract, one entry per state in order.</summary>
    private sealed record Figures(decimal SharedTotal, IReadOnlyList<ReportStateFigures> Each)
    {
        public static readonly Figures Zero = new(0m, [.. Enum.GetValues<State>().Select(s => new ReportStateFigures(s, 0m, 0m, 0m, 0m))]);

        public static Figures Of(ReportAdjustment a) => new(a.SharedTotal, [.. Enum.GetValues<State>().Select(s =>
            a.States.FirstOrDefault(f => f.State == s) ?? new ReportStateFigures(s, 0m, 0m, 0m, 0m))]);

        public bool IsZero => SharedTotal == 0 && Each.All(s => s is { Share: 0, Paid: 0, Balance: 0, National: 0 });

        public IReadOnlyList<ReportStateFigures> States() => Each;

        public static Figures operator +(Figures a, Figures b) => Combine(a, b, 1);

        public static Figures operator -(Figures a, Figures b) => Combine(a, b, -1);

        private static Figures Combine(Figures a, Figures b, int sign) => new(a.SharedTotal + sign * b.SharedTotal,
            [.. a.Each.Zip(b.Each, (x, y) => new ReportStateFigures(x.State, x.Share + sign * y.Share, x.Paid + sign * y.Paid,
                x.Balance + sign * y.Balance, x.National + sign * y.National))]);
    }
}
