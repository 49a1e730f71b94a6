using System.Globalization;
using CalaisReturns.Core.Exports;

namespace CalaisReturns.Finance.Reporting;

/// <summary>
/// The report as one table: a row per flight, then a total row per settlement currency, then a row per adjustment to a
/// closed month. Every download
/// carries exactly these cells, so it shows the same figures as the API, written three ways: the plain
/// CSV for scripts (RFC 4180, invariant numbers, column codes), the CSV of the reader's convention (their
/// language's labels; in French <c>;</c>-separated with decimal commas and a UTF-8 BOM, so French Excel opens
/// it in columns), and an Excel workbook with the reader's labels, money formats and real date cells.
/// </summary>
public static class ReportExport
{
    public static readonly string[] Columns =
    [
        "Period", "Reference", "ScheduledDeparture", "CountryOfReturn", "Status", "Currency", "ReturneesFlown", "SharedTotal",
        "UkShare", "UkPaid", "UkBalance", "FrShare", "FrPaid", "FrBalance", "OwedBy", "OwedTo", "Outstanding",
    ];

    private static readonly HashSet<string> Money =
        ["SharedTotal", "UkShare", "UkPaid", "UkBalance", "FrShare", "FrPaid", "FrBalance", "Outstanding"];

    /// <summary>The total row of a currency: its reference cell and its count of flights.</summary>
    private sealed record Total(int Flights);

    /// <summary>The status cell of an adjustment row: the closed month the change belongs to.</summary>
    private sealed record AdjustmentOf(string Month);

    private const string TotalReference = "TOTAL";

    public static IEnumerable<object?[]> Rows(CostShareReport report)
    {
        foreach (var flight in report.FlightList)
        {
            yield return
            [
                report.Id, flight.Reference, DateOnly.FromDateTime(flight.ScheduledDeparture.UtcDateTime),
                flight.CountryOfReturn, flight.Status, flight.SettlementCurrency, flight.ReturneesFlown,
                flight.SharedTotal, .. StateCells(flight.States), flight.Outstanding?.Debtor, flight.Outstanding?.Creditor,
                flight.Outstanding?.Amount,
            ];
        }

        foreach (var section in report.Currencies)
        {
            yield return
            [
                report.Id, TotalReference, null, null, new Total(section.Flights), section.Currency, section.ReturneesFlown,
                section.SharedTotal, .. StateCells(section.States), section.Outstanding.Debtor, section.Outstanding.Creditor,
                section.Outstanding.Amount,
            ];
        }

        foreach (var adjustment in report.Adjustments)
        {
            yield return
            [
                report.Id, adjustment.Reference, null, null, new AdjustmentOf(adjustment.Month), adjustment.Currency, null,
                adjustment.SharedTotal, .. StateCells(adjustment.States), null, null, null,
            ];
        }
    }

    private static object?[] StateCells(IReadOnlyList<ReportStateFigures> states) =>
    [
        .. new[] { State.UK, State.FR }.SelectMany(s => states.FirstOrDefault(f => f.State == s) is { } f
            ? new object?[] { f.Share, f.Paid, f.Balance }
            : [null, null, null]),
    ];

    /// <summary>RFC 4180 for scripts: comma separated, CRLF, invariant numbers, column codes and enum names.</summary>
    public static string Csv(CostShareReport report) =>
        Spreadsheets.Csv(Columns, Rows(report).Select(row => row.Select(Plain)));

    /// <summary>The reader's convention: their labels, their decimal separator, and a list separator that does not clash with it.</summary>
    public static byte[] ReaderCsv(CostShareReport report, CultureInfo culture) =>
        Spreadsheets.ReaderCsv(Columns.Select(c => Texts.In(culture, $"Export.{c}")),
            Rows(report).Select(row => row.Select(value => Written(value, culture))), culture);

    public static byte[] Xlsx(CostShareReport report, CultureInfo culture) =>
        Spreadsheets.Xlsx(Columns, Rows(report).Select(row => row.Select(value => Cell(value, culture)).ToArray()),
            Texts.In(culture, "Export.Sheet"),
            column => (Texts.In(culture, $"Export.{column}"),
                Money.Contains(column) ? "#,##0.00" : column == "ScheduledDeparture" ? "yyyy-mm-dd" : null,
                column is "Reference" or "ScheduledDeparture" or "Status" ? 18 : 14));

    private static string Plain(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Total total => total.Flights == 1 ? "1 flight" : $"{total.Flights} flights",
        AdjustmentOf adjustment => $"adjustment {adjustment.Month}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Written(object? value, CultureInfo culture) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", culture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string reference when reference == TotalReference => Texts.In(culture, "Export.Total"),
        _ => Cell(value, culture)?.ToString() ?? "",
    };

    /// <summary>An Excel cell: numbers and dates as such, enums by their names in the reader's language.</summary>
    private static object? Cell(object? value, CultureInfo culture) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        CostShareStatus status => Texts.In(culture, $"{nameof(CostShareStatus)}.{status}"),
        Total total => string.Format(culture, Texts.In(culture, total.Flights == 1 ? "Export.OneFlight" : "Export.Flights"), total.Flights),
        AdjustmentOf adjustment => string.Format(culture, Texts.In(culture, "Export.Adjustment"), adjustment.Month),
        string reference when reference == TotalReference => Texts.In(culture, "Export.Total"),
        Enum code => code.ToString(),
        _ => value,
    };
}
