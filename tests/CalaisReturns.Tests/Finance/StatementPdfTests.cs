using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Stating;
using CalaisReturns.Flights;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

/// <summary>The statement on paper, read back with pdftotext: every line of it, on as many pages as it takes.</summary>
public class StatementPdfTests
{
    public StatementPdfTests() => StatementFonts.Install();

    private static byte[] Pdf(object[] events, string culture, string zone)
    {
        var facts = new StatementFacts(GivenFinance(events), FlightStatus.Booked, [], [], new StreamSeal(80, new string('f', 64), null));
        using var reader = Reader.As(System.Globalization.CultureInfo.GetCultureInfo(culture), TimeZoneInfo.FindSystemTimeZoneById(zone));
        return StatementPdf.Render(FlightStatement.Of(facts, Actors.Of(Role.Auditor, State.FR), Now));
    }

    private static Task<string> Rendered(object[] events, string culture, string zone) => PdfText.Of(Pdf(events, culture, zone));

    [Fact]
    public async Task A_long_statement_runs_over_pages_with_every_line_the_table_header_again_and_numbered_footers()
    {
        var text = await Rendered([.. Split(SplitBasis.FixedRatio), Rate(), .. Enumerable.Range(1, 70)
            .Select(i => Cost(i, 100m + i, Currency.GBP, i % 2 == 0 ? State.UK : State.FR))], "en-GB", "Europe/London");

        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        for (var i = 1; i <= 70; i++)
        {
            Assert.Matches(new Regex($@"^\s*Charter\s+Line {i}\s+—\s+(UK|FR)\s+Shared\s+INV-{i}\s+£{100 + i}\.00\s*$", RegexOptions.Multiline), text);
        }

        for (var page = 1; page <= pages.Count; page++)
        {
            Assert.Contains($"RF-2026-0001 · generated Wed 1 Jul 2026 10:00:00 London", pages[page - 1]);
            Assert.Contains($"page {page} of {pages.Count}", pages[page - 1]);
        }

        // The lines run onto the second page, which starts again with their header.
        Assert.Matches(new Regex(@"^\s*Category\s+Description\s+Stop\s+Paid by", RegexOptions.Multiline), pages[1]);
        Assert.Contains("version 80", pages[^1]);
        Assert.Contains(new string('f', 64), pages[^1]);
    }

    [Fact]
    public async Task French_money_is_written_with_its_narrow_no_break_spaces_and_the_route_with_its_arrow()
    {
        object[] events = [.. Split(SplitBasis.FixedRatio), Rate(), Cost(1, 174_468.00m, Currency.GBP, State.UK),
            Cost(2, 12_300.50m, Currency.EUR, State.FR)];
        var text = await Rendered(events, "fr-FR", "Europe/Paris");

        // The PDF holds U+202F (its font's map to Unicode says so); pdftotext reads every Unicode space as a gap between
        // words, which it writes as a plain space.
        Assert.Contains('\u202F', PdfText.Characters(Pdf(events, "fr-FR", "Europe/Paris")));
        Assert.DoesNotContain('\u202F', PdfText.Characters(Pdf(events, "en-GB", "Europe/London")));
        Assert.Contains("12 300,50 €", text);
        Assert.Contains("174 468,00 £", text);
        Assert.Contains("STN → TIA (AL)", text);
        Assert.Contains("Relevé de rapprochement, vol RF-2026-0001", text);
        Assert.Contains("page 1 sur", text);
    }
}
