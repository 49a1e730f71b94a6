using PdfSharp.Fonts;

namespace CalaisReturns.Finance.Stating;

/// <summary>
/// The statement's one typeface, DejaVu Sans (regular and bold), shipped inside the assembly (<c>Fonts/</c>, with its
/// licence, which permits redistribution). PDFsharp's Core build finds no system fonts on Linux by itself, and a fresh
/// Debian machine need not have any: embedding them makes the PDF the same on every host, with nothing to install.
/// DejaVu has the narrow no-break space that French money is written with, and the route's arrows.
/// </summary>
public sealed class StatementFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lazy<StatementFonts> Installed = new(() =>
    {
        var fonts = new StatementFonts();
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    });

    private StatementFonts()
    {
    }

    /// <summary>
    /// Sets PDFsharp's process-wide font resolver, once (PDFsharp refuses another after a font was used): at start-up,
    /// before any request renders; every later call (another host in the same process) finds it set.
    /// </summary>
    public static void Install() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName.Equals(Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(StatementFonts).Assembly.GetManifestResourceStream($"CalaisReturns.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
