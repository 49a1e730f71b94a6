using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace CalaisReturns.Finance.Reporting;

/// <summary>
/// The report as one table: a row per flight, then a total row per settlement currency. CSV and
/// Excel carry exactly these cells, so a download shows the same figures as the API.
/// </summary>
public static class ReportExport
{
    public static readonly string[] Columns =
    [
        "Period", "Reference", "ScheduledDeparture", "CountryOfReturn", "Status", "Currency", "ReturneesFlown", "SharedTotal",
        "UkShare", "UkPaid", "UkBalance", "FrShare", "FrPaid", "FrBalance", "OwedBy", "OwedTo", "Outstanding",
    ];

    public static IEnumerable<object?[]> Rows(CostShareReport report)
    {
        foreach (var flight in report.FlightList)
        {
            yield return
            [
                report.Id, flight.Reference, flight.ScheduledDeparture.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                flight.CountryOfReturn, flight.Status.ToString(), flight.SettlementCurrency?.ToString(), flight.ReturneesFlown,
                flight.SharedTotal, .. StateCells(flight.States), flight.Outstanding?.Debtor?.ToString(),
                flight.Outstanding?.Creditor?.ToString(), flight.Outstanding?.Amount,
            ];
        }

        foreach (var section in report.Currencies)
        {
            yield return
            [
                report.Id, "TOTAL", null, null, section.Flights == 1 ? "1 flight" : $"{section.Flights} flights", section.Currency.ToString(), section.ReturneesFlown,
                section.SharedTotal, .. StateCells(section.States), section.Outstanding.Debtor?.ToString(),
                section.Outstanding.Creditor?.ToString(), section.Outstanding.Amount,
            ];
        }
    }

    private static object?[] StateCells(IReadOnlyList<ReportStateFigures> states) =>
    [
        .. new[] { State.UK, State.FR }.SelectMany(s => states.FirstOrDefault(f => f.State == s) is { } f
            ? new object?[] { f.Share, f.Paid, f.Balance }
            : [null, null, null]),
    ];

    /// <summary>RFC 4180: comma separated, CRLF, fields quoted when they hold a comma, quote or line break.</summary>
    public static string Csv(CostShareReport report)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var row in Rows(report))
        {
            csv.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    public static byte[] Xlsx(CostShareReport report)
    {
        var rows = Rows(report).Select(row => Columns.Zip(row).ToDictionary(c => c.First, c => c.Second)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: $"Cost share {report.Id}");
        return stream.ToArray();
    }
}
