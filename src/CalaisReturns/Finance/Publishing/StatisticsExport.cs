using System.Globalization;
using CalaisReturns.Core.Exports;

namespace CalaisReturns.Finance.Publishing;

/// <summary>
/// The statistics as one table — a row per country of return, then the total row — written as the plain CSV for scripts
/// (RFC 4180, invariant numbers, column codes) or the CSV of the reader's convention (their labels and separators). A
/// withheld count is <c>&lt;5</c> or <c>[c]</c> in both; a cost per returnee withheld with its count is <c>[c]</c>, and
/// one not given (figures provisional, or nobody flown) is empty, as the <c>Figures</c> and returnees columns say why.
/// </summary>
public static class StatisticsExport
{
    public static readonly string[] Columns =
    [
        "Year", "CountryOfReturn", "Flights", "ReturneesFlown", "Cancellations", "TotalCostGbp", "TotalCostEur",
        "CostPerReturneeGbp", "CostPerReturneeEur", "CancellationCostGbp", "CancellationCostEur", "Figures",
    ];

    private const string TotalRow = "TOTAL";

    /// <summary>Final or provisional, as a cell: the code in the plain CSV, the reader's word in theirs.</summary>
    private sealed record Figures(bool Provisional)
    {
        public string Code => Provisional ? "Provisional" : "Final";
    }

    public static IEnumerable<object?[]> Rows(StatisticsReport report) =>
        report.Countries.Append(report.Total).Select(row => new object?[]
        {
            report.Year, row.CountryOfReturn ?? TotalRow, Count(row.Flights), Count(row.ReturneesFlown), Count(row.Cancellations),
            row.TotalCost.Gbp, row.TotalCost.Eur, PerReturnee(row.CostPerReturnee, row.CostPerReturnee.Gbp),
            PerReturnee(row.CostPerReturnee, row.CostPerReturnee.Eur), row.CancellationCost.Gbp, row.CancellationCost.Eur,
            new Figures(row.Provisional),
        });

    public static string Csv(StatisticsReport report) =>
        Spreadsheets.Csv(Columns, Rows(report).Select(row => row.Select(value => Written(value, CultureInfo.InvariantCulture, plain: true))));

    public static byte[] ReaderCsv(StatisticsReport report, CultureInfo culture) =>
        Spreadsheets.ReaderCsv(Columns.Select(c => Texts.In(culture, $"Statistics.Column.{c}")),
            Rows(report).Select(row => row.Select(value => Written(value, culture, plain: false))), culture);

    private static object Count(PublishedCount count) => count.Disclosure switch
    {
        Disclosure.Small => Suppression.SmallMark,
        Disclosure.Withheld => Suppression.WithheldMark,
        _ => count.Value!.Value,
    };

    private static object? PerReturnee(PerReturneeCost cost, decimal? amount) =>
        cost.Omitted == Omission.Withheld ? Suppression.WithheldMark : amount;

    private static string Written(object? value, CultureInfo culture, bool plain) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", culture),
        int n => n.ToString(culture),
        TotalRow when !plain => Texts.In(culture, "Export.Total"),
        Figures f => plain ? f.Code : Texts.In(culture, $"Statistics.Figures.{f.Code}"),
        _ => value.ToString() ?? "",
    };
}
