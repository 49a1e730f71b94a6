using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CalaisReturns.Tests.Finance;

/// <summary>A PDF's text as poppler's <c>pdftotext -layout</c> reads it (ops/test installs poppler-utils): one line a row.</summary>
internal static partial class PdfText
{
    public static async Task<string> Of(byte[] pdf)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            ArgumentList = { "-layout", "-enc", "UTF-8", "-", "-" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");
        return await text;
    }

    /// <summary>
    /// Every character the PDF's fonts map their glyphs to (their ToUnicode maps): what an extractor can read back. It
    /// says which spaces the PDF holds, where pdftotext writes them all as plain spaces.
    /// </summary>
    public static HashSet<char> Characters(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var characters = new HashSet<char>();
        foreach (Match stream in Stream().Matches(raw))
        {
            foreach (Match range in GlyphsToUnicode().Matches(Inflated(stream.Groups[1].Value)))
            {
                int Hex(int group) => int.Parse(range.Groups[group].Value, NumberStyles.HexNumber);
                characters.UnionWith(Enumerable.Range(Hex(3), Hex(2) - Hex(1) + 1).Select(c => (char)c));
            }
        }

        return characters;
    }

    /// <summary>A Flate stream's content; what is not one (the XML metadata) reads as nothing.</summary>
    private static string Inflated(string data)
    {
        using var inflated = new ZLibStream(new MemoryStream(Encoding.Latin1.GetBytes(data)), CompressionMode.Decompress);
        using var content = new MemoryStream();
        try
        {
            inflated.CopyTo(content);
        }
        catch (InvalidDataException)
        {
            return "";
        }

        return Encoding.Latin1.GetString(content.ToArray());
    }

    [GeneratedRegex(@"stream\r?\n(.*?)\r?\nendstream", RegexOptions.Singleline)]
    private static partial Regex Stream();

    /// <summary>A <c>bfrange</c> entry: the first and last glyph ids, and the UTF-16 code unit the first stands for.</summary>
    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>")]
    private static partial Regex GlyphsToUnicode();

    /// <summary>The lines of the text after the first one that contains <paramref name="heading"/>.</summary>
    public static IEnumerable<string> After(string text, string heading) =>
        text.Split('\n').SkipWhile(l => !l.Contains(heading, StringComparison.Ordinal)).Skip(1);
}
