using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CalaisReturns.Finance.Stating;

/// <summary>
/// Lays a <see cref="FlightStatement"/> out on A4 pages with PDFsharp: sections one after another, facts as label and
/// value, tables with their header repeated on every page they run onto, money right-aligned and never wrapped; each
/// page's footer names the flight, when the statement was generated, and the page. Text is embedded as Unicode (with
/// the font, <see cref="StatementFonts"/>), so a text extractor reads back exactly the characters written.
/// </summary>
public sealed class StatementPdf : IDisposable
{
    private const double Margin = 42;
    private const double FooterSpace = 24;
    private const double LabelWidth = 130;

    /// <summary>Wide enough that a text extractor keeps neighbouring cells apart.</summary>
    private const double ColumnGap = 12;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont TitleFont = Font(14, bold: true);
    private static readonly XFont HeadingFont = Font(11, bold: true);
    private static readonly XFont BodyFont = Font(9);
    private static readonly XFont CellFont = Font(8);
    private static readonly XFont HeaderFont = Font(8, bold: true);
    private static readonly XFont FooterFont = Font(7);

    private readonly PdfDocument document = new();
    private XGraphics? graphics;
    private double y;

    private StatementPdf(FlightStatement statement)
    {
        document.Info.Title = statement.Title;
        document.Info.Creator = "CalaisReturns";
        NewPage();
    }

    private double Width => document.Pages[0].Width.Point - 2 * Margin;

    private double Bottom => document.Pages[0].Height.Point - Margin - FooterSpace;

    public static byte[] Render(FlightStatement statement)
    {
        using var pdf = new StatementPdf(statement);
        pdf.Paragraph(statement.Title, TitleFont, after: 4);
        pdf.Paragraph(statement.Generated, BodyFont, after: 6);
        foreach (var section in statement.Sections)
        {
            pdf.Section(section);
        }

        return pdf.Finish(statement);
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    private static XFont Font(double size, bool bold = false) =>
        new(StatementFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> still fits on this one.</summary>
    private bool Room(double height)
    {
        if (y + height <= Bottom)
        {
            return false;
        }

        NewPage();
        return true;
    }

    private void Section(StatementSection section)
    {
        // A heading is never left alone at the foot of a page.
        Room(HeadingFont.GetHeight() + 3 * BodyFont.GetHeight() + 10);
        y += 10;
        Paragraph(section.Heading, HeadingFont, after: 3);
        foreach (var fact in section.Facts)
        {
            Row([(fact.Label, LabelWidth, false), (fact.Value, Width - LabelWidth - ColumnGap, false)], BodyFont);
        }

        if (section.Table is { } table)
        {
            Table(table);
        }

        foreach (var note in section.Notes)
        {
            Paragraph(note, BodyFont, after: 2);
        }
    }

    private void Paragraph(string text, XFont font, double after)
    {
        Row([(text, Width, false)], font);
        y += after;
    }

    private void Table(StatementTable table)
    {
        var widths = ColumnWidths(table);
        var header = table.Columns.Select((c, i) => (c.Label, widths[i], c.Amount)).ToList();
        void Header()
        {
            Row(header, HeaderFont);
            graphics!.DrawLine(XPens.Gray, Margin, y, Margin + Width, y);
            y += 2;
        }

        Room(3 * CellFont.GetHeight());
        Header();
        foreach (var cells in table.Rows)
        {
            var row = cells.Select((text, i) => (text, widths[i], table.Columns[i].Amount)).ToList();
            if (Room(Height(row, CellFont)))
            {
                Header();
            }

            Row(row, CellFont);
        }

        y += 2;
    }

    /// <summary>
    /// Every column as wide as its cells need when they fit; money is never narrower than its widest figure, text never
    /// narrower than its longest word (unless even that cannot fit).
    /// </summary>
    private double[] ColumnWidths(StatementTable table)
    {
        double Widest(IEnumerable<string> texts, XFont font) => texts.Select(t => Measure(t, font)).DefaultIfEmpty(0).Max();
        double Cells(int i, bool whole) => Widest(table.Rows.SelectMany(r => whole ? [r[i]] : r[i].Split(' ')), CellFont);
        double Header(int i, bool whole) => Widest(whole ? [table.Columns[i].Label] : table.Columns[i].Label.Split(' '), HeaderFont);

        var columns = Enumerable.Range(0, table.Columns.Count).ToList();
        var least = columns.Select(i => Math.Max(Cells(i, whole: table.Columns[i].Amount), Header(i, whole: false))).ToArray();
        var natural = columns.Select(i => Math.Max(Cells(i, whole: true), Header(i, whole: true))).ToArray();
        var available = Width - ColumnGap * (columns.Count - 1);
        if (natural.Sum() <= available)
        {
            // Room for every cell unwrapped: the text columns share what is left over, money stays as wide as it is.
            var text = columns.Where(i => !table.Columns[i].Amount).Sum(i => natural[i]);
            return [.. columns.Select(i => table.Columns[i].Amount || text == 0 ? natural[i]
                : natural[i] + (available - natural.Sum()) * natural[i] / text)];
        }

        if (least.Sum() >= available)
        {
            return [.. columns.Select(i => available * least[i] / least.Sum())];
        }

        // Otherwise the widest columns are cut down to one width, found by halving: the narrow ones (a state, a
        // category) keep all they need, and only the long texts (a description with its corrections) wrap.
        double Fitted(double cap) => columns.Sum(i => Math.Max(least[i], Math.Min(natural[i], cap)));
        var (fits, tooWide) = (0.0, natural.Max());
        for (var halving = 0; halving < 30; halving++)
        {
            var cap = (fits + tooWide) / 2;
            (fits, tooWide) = Fitted(cap) <= available ? (cap, tooWide) : (fits, cap);
        }

        return [.. columns.Select(i => Math.Max(least[i], Math.Min(natural[i], fits)))];
    }

    private double Height(IReadOnlyList<(string Text, double Width, bool Right)> cells, XFont font) =>
        cells.Max(c => Wrap(c.Text, font, c.Width).Count) * font.GetHeight();

    /// <summary>Writes one row of cells from the left margin, each wrapped to its width; the row is as tall as its tallest cell.</summary>
    private void Row(IReadOnlyList<(string Text, double Width, bool Right)> cells, XFont font)
    {
        var height = Height(cells, font);
        Room(height);
        var (x, line) = (Margin, font.GetHeight());
        foreach (var (text, width, right) in cells)
        {
            var lines = Wrap(text, font, width);
            for (var i = 0; i < lines.Count; i++)
            {
                graphics!.DrawString(lines[i], font, XBrushes.Black, new XRect(x, y + i * line, width, line),
                    right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }

            x += width + ColumnGap;
        }

        y += height;
    }

    /// <summary>Breaks a text at plain spaces (never at the no-break spaces inside a sum), and a word too long for the width anywhere.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (Measure(longer, font) <= width)
            {
                line = longer;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && Measure(line, font) > width)
            {
                var fits = Enumerable.Range(1, line.Length - 1).LastOrDefault(n => Measure(line[..n], font) <= width, 1);
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }

        lines.Add(line);
        return lines;
    }

    private double Measure(string text, XFont font) => text.Length == 0 ? 0 : graphics!.MeasureString(text, font).Width;

    private byte[] Finish(FlightStatement statement)
    {
        graphics!.Dispose();
        graphics = null;
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var at = new XRect(Margin, page.Height.Point - Margin - FooterFont.GetHeight(), Width, FooterFont.GetHeight());
            footer.DrawString(statement.Footer, FooterFont, XBrushes.Gray, at, XStringFormats.TopLeft);
            footer.DrawString(statement.Page(i + 1, document.PageCount), FooterFont, XBrushes.Gray, at, XStringFormats.TopRight);
        }

        using var bytes = new MemoryStream();
        document.Save(bytes, closeStream: false);
        return bytes.ToArray();
    }
}
