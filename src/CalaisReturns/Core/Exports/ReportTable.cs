using System.Globalization;

namespace CalaisReturns.Core.Exports;

/// <summary>
/// A report's table, with the cells it holds (text, numbers, dates, enums), written the three ways of
/// <see cref="Spreadsheets"/>: column codes and invariant values for scripts; the reader's labels (<c>Export.{Column}</c>),
/// numbers and enum names (<c>{Enum}.{Value}</c>) in their language; an Excel sheet with real numbers and dates.
/// </summary>
public sealed record ReportTable(string SheetKey, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows,
    IReadOnlySet<string> MoneyColumns)
{
    public string Csv() => Spreadsheets.Csv(Columns, Rows.Select(row => row.Select(Plain)));

    public byte[] ReaderCsv(CultureInfo culture) =>
        Spreadsheets.ReaderCsv(Columns.Select(c => Texts.In(culture, $"Export.{c}")), Rows.Select(row => row.Select(v => Written(v, culture))),
            culture);

    public byte[] Xlsx(CultureInfo culture) =>
        Spreadsheets.Xlsx(Columns, Rows.Select(row => row.Select(value => Cell(value, culture)).ToArray()), Texts.In(culture, SheetKey),
            column => (Texts.In(culture, $"Export.{column}"), MoneyColumns.Contains(column) ? "#,##0.00" : null, 16));

    private static string Plain(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Written(object? value, CultureInfo culture) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", culture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Cell(value, culture)?.ToString() ?? "",
    };

    private static object? Cell(object? value, CultureInfo culture) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        bool b => Texts.In(culture, b ? "Export.Yes" : "Export.No"),
        State or Currency => value.ToString(),
        Enum code => Texts.In(culture, $"{code.GetType().Name}.{code}"),
        _ => value,
    };
}
