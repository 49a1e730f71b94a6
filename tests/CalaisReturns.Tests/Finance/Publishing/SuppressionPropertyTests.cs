using CalaisReturns.Core;
using CalaisReturns.Finance.Publishing;
using FsCheck;
using FsCheck.Fluent;

namespace CalaisReturns.Tests.Finance.Publishing;

/// <summary>
/// Properties of the suppression over random columns and random years of flights (FsCheck), checked against what a
/// reader sees: the published table, read back from its cells and markers.
/// </summary>
public class SuppressionPropertyTests
{
    /// <summary>Many zeros and small counts, some just over the threshold, a few large: where suppression has work to do.</summary>
    private static readonly Gen<int> Counts = Gen.Frequency(
        (3, Gen.Constant(0)), (5, Gen.Choose(1, 4)), (3, Gen.Choose(5, 9)), (1, Gen.Choose(10, 300)));

    private static readonly Arbitrary<int[]> Columns = Gen.Choose(0, 9).SelectMany(n => Gen.ArrayOf(Counts, n)).ToArbitrary();

    /// <summary>A withheld value as the reader knows it: its marker's bounds (an upper bound of null is none).</summary>
    private sealed record Unknown(int? Cell, int Truth, int Least, int? Greatest)
    {
        public bool Allows(int value) => value >= Least && (Greatest is null || value <= Greatest);
    }

    /// <summary>
    /// The reader's unknowns in a published column: a <c>&lt;5</c> is 1 to 4; a withheld country's cell at least 5; a
    /// withheld total at least 4 (the rules say so: see <see cref="Suppression"/>). Everything else is published exactly.
    /// </summary>
    private static List<Unknown> Unknowns(int[] counts, SuppressedColumn column)
    {
        Unknown Of(int? cell, int truth, Disclosure shown, bool total) => shown == Disclosure.Small
            ? new Unknown(cell, truth, 1, 4)
            : new Unknown(cell, truth, total ? 4 : 5, null);
        var unknowns = counts.Select((c, i) => (c, i)).Where(x => column.Cells[x.i] != Disclosure.Shown)
            .Select(x => Of(x.i, x.c, column.Cells[x.i], total: false)).ToList();
        if (column.Total != Disclosure.Shown)
        {
            unknowns.Add(Of(null, counts.Sum(), column.Total, total: true));
        }

        return unknowns;
    }

    /// <summary>
    /// Another table the reader cannot tell from the true one, in which the unknown differs: it moves by one, and one other
    /// unknown moves to keep the column adding up (another cell the other way, or the total the same way), each within
    /// what its marker says. One is enough to show the published figures do not determine the unknown.
    /// </summary>
    private static bool HasAnotherValue(Unknown unknown, List<Unknown> unknowns) =>
        new[] { -1, 1 }.Any(step => unknown.Allows(unknown.Truth + step) && unknowns.Where(u => u != unknown).Any(other =>
            other.Allows(other.Truth + ((other.Cell is null) == (unknown.Cell is null) ? -step : step))));

    [Fact]
    public void No_published_count_is_from_1_to_4_and_every_count_from_1_to_4_is_withheld() =>
        Prop.ForAll(Columns, counts =>
        {
            var column = Suppression.Column(counts);
            var total = counts.Sum();
            return counts.Select((c, i) => (c, i)).All(x => (x.c is >= 1 and <= 4) == (column.Cells[x.i] == Disclosure.Small))
                && (total is >= 1 and <= 4 ? column.Total != Disclosure.Shown : column.Total != Disclosure.Small);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void No_withheld_cell_can_be_worked_out_from_the_published_cells_and_total() =>
        Prop.ForAll(Columns, counts =>
        {
            var unknowns = Unknowns(counts, Suppression.Column(counts));
            return unknowns.All(u => u.Allows(u.Truth) && HasAnotherValue(u, unknowns));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_withheld_cell_is_small_or_a_complement_of_5_or_more_and_a_withheld_total_at_least_4() =>
        Prop.ForAll(Columns, counts =>
        {
            var column = Suppression.Column(counts);
            return counts.Select((c, i) => (c, i)).All(x => column.Cells[x.i] != Disclosure.Withheld || x.c >= Suppression.Threshold)
                && (column.Total != Disclosure.Withheld || counts.Sum() >= Suppression.Threshold - 1);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Suppression_is_deterministic() =>
        Prop.ForAll(Columns, counts =>
        {
            var (first, second) = (Suppression.Column(counts), Suppression.Column([.. counts]));
            return first.Cells.SequenceEqual(second.Cells) && first.Total == second.Total;
        }).QuickCheckThrowOnFailure();

    private static readonly DateTimeOffset YearStart = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<StatisticsFlight> Flights =
        from country in Gen.Elements("AL", "XK", "GE", "NG+GH")
        from cancelled in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from day in Gen.Choose(-20, 385)
        from returnees in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 4)), (2, Gen.Choose(5, 60)))
        from final in Gen.Frequency((1, Gen.Constant(false)), (5, Gen.Constant(true)))
        from pence in Gen.Choose(1, 40_000_000)
        select new StatisticsFlight(country, cancelled, YearStart.AddDays(day).AddHours(6), cancelled ? 0 : returnees,
            final ? new PoundsAndEuros(pence / 100m, pence * 1.15m / 100m) : null);

    [Fact]
    public void Published_figures_are_the_true_ones_per_country_and_in_total_and_a_withheld_count_takes_its_cost_per_returnee() =>
        Prop.ForAll(Gen.ListOf(Flights).ToArbitrary(), flights =>
        {
            var year = FiscalYear.Parse("2027")!;
            var now = YearStart.AddDays(200);
            var report = StatisticsReport.Build(year, flights, now);
            var inYear = flights.Where(f => year.Contains(f.ScheduledDeparture)).ToList();
            bool Same(StatisticsRow row, List<StatisticsFlight> theirs) =>
                (row.Flights.Value ?? theirs.Count(f => !f.Cancelled)) == theirs.Count(f => !f.Cancelled)
                && (row.ReturneesFlown.Value ?? theirs.Sum(f => f.ReturneesFlown)) == theirs.Sum(f => f.ReturneesFlown)
                && (row.Cancellations.Value ?? theirs.Count(f => f.Cancelled)) == theirs.Count(f => f.Cancelled)
                && row.TotalCost == new PoundsAndEuros(theirs.Sum(f => f.Cost?.Gbp ?? 0m), theirs.Sum(f => f.Cost?.Eur ?? 0m))
                && row.CancellationCost.Gbp == theirs.Where(f => f.Cancelled).Sum(f => f.Cost?.Gbp ?? 0m)
                && (row.ReturneesFlown.Disclosure == Disclosure.Shown) == (row.CostPerReturnee.Omitted != Omission.Withheld)
                && (row.CostPerReturnee.Omitted is not null || row.CostPerReturnee.Gbp == MoneyMath.Round(row.TotalCost.Gbp / row.ReturneesFlown.Value!.Value));
            return report.Countries.Select(r => r.CountryOfReturn).SequenceEqual(inYear.Select(f => f.CountryOfReturn).Distinct().Order(StringComparer.Ordinal))
                && report.Countries.All(r => Same(r, [.. inYear.Where(f => f.CountryOfReturn == r.CountryOfReturn)]))
                && Same(report.Total, inYear)
                && System.Text.Json.JsonSerializer.Serialize(report) == System.Text.Json.JsonSerializer.Serialize(StatisticsReport.Build(year, flights, now));
        }).QuickCheckThrowOnFailure();
}
