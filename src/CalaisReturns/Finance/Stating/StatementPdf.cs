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
        var widths = StatementFit.ColumnWidths(table, Width - ColumnGap * (table.Columns.Count - 1),
            text => Measure(text, CellFont), label => Measure(label, HeaderFont));
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

    private double Height(IReadOnlyList<(string Text, double Width, bool Right)> cells, XFont font) =>
        cells.Max(c => StatementFit.Wrap(c.Text, c.Width, t => Measure(t, font)).Count) * font.GetHeight();

    /// <summary>Writes one row of cells from the left margin, each wrapped to its width; the row is as tall as its tallest cell.</summary>
    private void Row(IReadOnlyList<(string Text, double Width, bool Right)> cells, XFont font)
    {
        var height = Height(cells, font);
        Room(height);
        var (x, line) = (Margin, font.GetHeight());
        foreach (var (text, width, right) in cells)
        {
            var lines = StatementFit.Wrap(text, width, t => Measure(t, font));
            for (var i = 0; i < lines.Count; i++)
            {
                graphics!.DrawString(lines[i], font, XBrushes.Black, new XRect(x, y + i * line, width, line),
                    right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }

            x += width + ColumnGap;
        }

        y += height;
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
