using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CalaisReturns.Core.Exports;

/// <summary>
/// A report as one table, written three ways: the plain CSV for scripts (RFC 4180, invariant numbers, column codes), the
/// CSV of the reader's convention (their language's labels; in French <c>;</c>-separated with decimal commas and a
/// UTF-8 BOM, so French Excel opens it in columns), and an Excel workbook with the reader's labels and real number and
/// date cells. Each report says how its cells are written.
/// </summary>
public static class Spreadsheets
{
    /// <summary>
    /// Which CSV a download asks for (<c>format</c>): plain (the default) for scripts, or the reader's convention; anything
    /// else is an error on <c>format</c> (null).
    /// </summary>
    public static bool? ReaderFormat(string? format, Dictionary<string, string[]> errors)
    {
        if (format is null or "plain" or "reader")
        {
            return format == "reader";
        }

        errors["format"] = [Texts.Get("Query.CsvFormat")];
        return null;
    }

    /// <summary>A report's CSV download: the reader's (in the request's culture) or the plain one.</summary>
    public static IResult CsvFile(bool reader, Func<string> plain, Func<CultureInfo, byte[]> readers, string fileName) =>
        Results.File(reader ? readers(CultureInfo.CurrentCulture) : Encoding.UTF8.GetBytes(plain()), "text/csv; charset=utf-8", fileName);

    /// <summary>Comma separated, CRLF, each cell quoted where it must be.</summary>
    public static string Csv(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows) => Table(header, rows, ',');

    /// <summary>The reader's list separator (one that does not clash with their decimal separator), with a BOM.</summary>
    public static byte[] ReaderCsv(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, CultureInfo culture)
    {
        var separator = culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Table(header, rows, separator))];
    }

    /// <summary>One sheet: a column per code, labelled in the reader's language, with its number format and width.</summary>
    public static byte[] Xlsx(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string sheet,
        Func<string, (string Label, string? Format, int Width)> column)
    {
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                .. columns.Select(code =>
                {
                    var (label, format, width) = column(code);
                    return new DynamicExcelColumn(code) { Name = label, Format = format, Width = width };
                }),
            ],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(row => columns.Zip(row).ToDictionary(c => c.First, c => c.Second)).ToList(), sheetName: sheet,
            configuration: configuration);
        return stream.ToArray();
    }

    private static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows, char separator)
    {
        var table = new StringBuilder();
        table.Append(string.Join(separator, header.Select(h => Quoted(h, separator)))).Append("\r\n");
        foreach (var row in rows)
        {
            table.Append(string.Join(separator, row.Select(cell => Quoted(cell, separator)))).Append("\r\n");
        }

        return table.ToString();
    }

    private static string Quoted(string text, char separator) =>
        text.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
