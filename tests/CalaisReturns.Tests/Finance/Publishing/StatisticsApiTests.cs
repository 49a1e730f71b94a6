using System.Text;
using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Publishing;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Tests.Web;
using Marten;
using Snapshooter;
using Snapshooter.Xunit;

namespace CalaisReturns.Tests.Finance.Publishing;

/// <summary>
/// Six flights made through the API across new year and 1 April, to Albania and Kosovo: the statistics of the calendar
/// year and of the UK's fiscal year, read by auditors and admins in English and French, as JSON, CSV and the page.
/// </summary>
public class StatisticsApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);
    private static readonly Actor FrAuditor = Actors.Of(Role.Auditor, State.FR);
    private static readonly Actor UkAdmin = Actors.Of(Role.Admin, State.UK);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A booked UK-led flight with seats for both states and the UK's returnees manifested; its split and rate when settled.</summary>
    private async Task<Guid> Flight(string departure, string country, int returnees, string? settledIn)
    {
        var id = await App.PlannedFlight(Api.Plan(departure: At(departure), country: country));
        await App.Post($"/api/flights/{id}/charter", Api.Charter());
        await App.Post($"/api/flights/{id}/seat-allocation", new
        {
            allocations = new[] { new { state = "UK", seats = 10 }, new { state = "FR", seats = 10 } },
        });
        for (var i = 0; i < returnees; i++)
        {
            await App.Manifest(id, await App.OpenCase(nationality: country));
        }

        if (settledIn is not null)
        {
            await App.AgreedSplitAndRate(id, new { basis = "PerSeatAllocated", settlementCurrency = settledIn }, eurPerGbp: 1.2500m);
        }

        return id;
    }

    private Task Cost(Guid flight, Actor payer, decimal amount, string currency, string category = "Charter") =>
        App.Post($"/api/flights/{flight}/costs", new
        {
            category, description = category, amount = new { amount, currency }, invoiceReference = "INV-" + category,
        }, actor: payer);

    private async Task Departed(Guid flight, string departure, int returnees)
    {
        App.Clock.Now = At(departure).AddMinutes(30);
        await App.Post($"/api/flights/{flight}/departure", new
        {
            actualDeparture = At(departure), returneesOnBoard = new[] { new { state = "UK", returnees } },
        });
    }

    /// <summary>
    /// Albania: 10 September 2026 (5 returnees, settled in pounds, £100,000 charter and £2,000 of UK escorts), 1 January 2027
    /// 00:30 in Paris — still 2026 in UTC — (1, €60,000), and 1 April 2027 06:00 UTC (yet to fly, £90,000). Kosovo: 5 October
    /// 2026 (2, €80,000), 20 November 2026 cancelled (a £5,000 fee), and 1 April 2027 00:30 in Paris — still the UK's 2026-27
    /// — (3, no split yet). €1.25 to the pound throughout; the clock stops just after the last departure.
    /// </summary>
    private async Task TwoYears()
    {
        var (a1, a2, a3) = (await Flight("2026-09-10T06:00:00Z", "AL", 5, "GBP"), await Flight("2027-01-01T00:30:00+01:00", "AL", 1, "EUR"),
            await Flight("2027-04-01T06:00:00Z", "AL", 0, "GBP"));
        var (x1, x2, x3) = (await Flight("2026-10-05T06:00:00Z", "XK", 2, "EUR"), await Flight("2026-11-20T06:00:00Z", "XK", 0, "GBP"),
            await Flight("2027-04-01T00:30:00+02:00", "XK", 3, null));
        await Cost(a1, UkFinance, 100_000m, "GBP");
        await Cost(a1, UkFinance, 2_000m, "GBP", "Escorts");
        await Cost(a2, FrFinance, 60_000m, "EUR");
        await Cost(a3, UkFinance, 90_000m, "GBP");
        await Cost(x1, FrFinance, 80_000m, "EUR");
        await Cost(x2, UkFinance, 5_000m, "GBP", "Cancellation");
        await Cost(x3, FrFinance, 70_000m, "EUR");
        await App.AndPolicies(() => App.Post($"/api/flights/{x2}/cancellation", new { reason = "Landing slot withdrawn" }));
        await Departed(a1, "2026-09-10T06:00:00Z", 5);
        await Departed(x1, "2026-10-05T06:00:00Z", 2);
        await Departed(a2, "2026-12-31T23:30:00Z", 1);
        await Departed(x3, "2027-03-31T22:30:00Z", 3);
        await App.ProjectionsCaughtUp();
    }

    [Fact]
    public async Task The_calendar_year_shows_small_counts_as_under_5_and_withholds_a_complement_with_its_cost_per_returnee()
    {
        await TwoYears();
        var year = await App.GetJson<StatisticsReport>("/api/statistics?year=2026", FrAuditor);

        Assert.Equal(["AL", "XK"], year.Countries.Select(c => c.CountryOfReturn));
        var (albania, kosovo) = (year.Countries[0], year.Countries[1]);
        // Albania's 6 returnees are withheld: with the total of 8 they would give Kosovo's 2 away.
        Assert.Equal((Disclosure.Small, Disclosure.Withheld, Disclosure.Shown), (albania.Flights.Disclosure, albania.ReturneesFlown.Disclosure,
            albania.Cancellations.Disclosure));
        Assert.Equal((null, null, 0), (albania.Flights.Value, albania.ReturneesFlown.Value, albania.Cancellations.Value));
        Assert.Equal((Disclosure.Small, Disclosure.Small, Disclosure.Small), (kosovo.Flights.Disclosure, kosovo.ReturneesFlown.Disclosure,
            kosovo.Cancellations.Disclosure));
        Assert.Equal([Omission.Withheld, Omission.Withheld], year.Countries.Select(c => c.CostPerReturnee.Omitted));
        // £102,000 and €60,000 (£48,000); €80,000 (£64,000) and the cancelled flight's £5,000 (€6,250).
        Assert.Equal(new PoundsAndEuros(150_000m, 187_500m), albania.TotalCost);
        Assert.Equal(new PoundsAndEuros(69_000m, 86_250m), kosovo.TotalCost);
        Assert.Equal(new PoundsAndEuros(5_000m, 6_250m), kosovo.CancellationCost);
        Assert.Equal((8, Disclosure.Small, Disclosure.Small), (year.Total.ReturneesFlown.Value, year.Total.Flights.Disclosure,
            year.Total.Cancellations.Disclosure));
        Assert.Equal(new PerReturneeCost(27_375m, 34_218.75m, null), year.Total.CostPerReturnee);
        Assert.False(year.YearInProgress);

        var json = (await App.Get("/api/statistics?year=2026", actor: UkAdmin)).ReadAsText();
        Assert.DoesNotContain("RF-", json);
        Snapshot.Match(JsonNode.Parse(json)!.ToJsonString(new() { WriteIndented = true }), SnapshotNameExtension.Create("json"));
        var csv = await App.Get("/api/statistics.csv?year=2026", actor: UkAdmin);
        Assert.Equal("text/csv; charset=utf-8", csv.Context.Response.ContentType);
        Snapshot.Match(csv.ReadAsText(), SnapshotNameExtension.Create("csv"));
    }

    [Fact]
    public async Task The_UK_fiscal_year_takes_the_flight_that_left_before_1_April_in_UTC_and_leaves_out_costs_not_yet_final()
    {
        await TwoYears();
        var fiscal = await App.GetJson<StatisticsReport>("/api/statistics?year=2026-27", UkAdmin);

        Assert.Equal([6, 5], fiscal.Countries.Select(c => c.ReturneesFlown.Value));
        Assert.Equal([Disclosure.Small, Disclosure.Small], fiscal.Countries.Select(c => c.Flights.Disclosure));
        Assert.Equal(new PerReturneeCost(25_000m, 31_250m, null), fiscal.Countries[0].CostPerReturnee);
        // Kosovo's 1 April flight has no split yet: counted, its cost left out, the row provisional.
        Assert.Equal((true, Omission.Provisional, 69_000m), (fiscal.Countries[1].Provisional, fiscal.Countries[1].CostPerReturnee.Omitted,
            fiscal.Countries[1].TotalCost.Gbp));
        Assert.True(fiscal.Total.Provisional);
        Assert.True(fiscal.YearInProgress);

        var next = await App.GetJson<StatisticsReport>("/api/statistics?year=2027-28", UkAdmin);
        Assert.Equal(["AL"], next.Countries.Select(c => c.CountryOfReturn));
        Assert.True(next.Countries[0].Provisional);
        var calendar = await App.GetJson<StatisticsReport>("/api/statistics?year=2027", UkAdmin);
        Assert.Equal(["AL", "XK"], calendar.Countries.Select(c => c.CountryOfReturn));
        Assert.Equal([0, null], calendar.Countries.Select(c => c.ReturneesFlown.Value));
    }

    [Fact]
    public async Task Entries_projected_before_they_kept_the_reported_figures_are_counted_from_their_facts()
    {
        await TwoYears();
        var current = (await App.Get("/api/statistics?year=2026-27", actor: UkAdmin)).ReadAsText();
        await using (var session = App.Store.LightweightSession())
        {
            var entries = await session.Query<CostShareReportEntry>().ToListAsync();
            session.Store([.. entries.Select(e => e with { Reported = null! })]);
            await session.SaveChangesAsync();
        }

        Assert.Equal(current, (await App.Get("/api/statistics?year=2026-27", actor: UkAdmin)).ReadAsText());
    }

    [Fact]
    public async Task The_CSV_for_the_reader_is_in_their_language_and_convention_with_the_same_markers()
    {
        await TwoYears();
        var french = await App.Get("/api/statistics.csv?year=2026&format=reader", actor: FrAuditor, language: "fr-FR");
        using var bytes = new MemoryStream();
        await french.Context.Response.Body.CopyToAsync(bytes);
        var raw = bytes.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), raw[..3]);
        var lines = Encoding.UTF8.GetString(raw[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Année;Pays de retour;Vols;Personnes éloignées;Annulations;Coût total (£);Coût total (€);Coût par personne éloignée (£);"
            + "Coût par personne éloignée (€);Coût des annulations (£);Coût des annulations (€);Chiffres", lines[0]);
        Assert.Equal("2026;AL;<5;[c];0;150000,00;187500,00;[c];[c];0,00;0,00;Définitifs", lines[1]);
        Assert.Equal("2026;TOTAL;<5;8;<5;219000,00;273750,00;27375,00;34218,75;5000,00;6250,00;Définitifs", lines[3]);

        var english = (await App.Get("/api/statistics.csv?year=2026-27&format=reader", actor: UkAdmin)).ReadAsText().Split("\r\n");
        Assert.Equal("Year,Country of return,Flights,Returnees flown,Cancellations,Total cost (£),Total cost (€),Cost per returnee (£),"
            + "Cost per returnee (€),Cost of cancellations (£),Cost of cancellations (€),Figures", english[0].TrimStart('\uFEFF'));
        Assert.Equal("2026-27,XK,<5,5,<5,69000.00,86250.00,,,5000.00,6250.00,Provisional", english[2]);
    }

    [Fact]
    public async Task Only_auditors_and_admins_read_the_statistics_and_the_year_must_be_one()
    {
        foreach (var refused in new[] { Actors.UkPlanner, UkFinance, FrFinance, Actors.Of(Role.EscortLeader, State.FR), Actors.Monitor(Actors.Imb) })
        {
            await App.Get("/api/statistics?year=2026", 403, refused);
            await App.Get("/api/statistics.csv?year=2026", 403, refused);
            await App.Get("/statistics?year=2026", 403, refused);
        }

        await App.Get("/api/statistics?year=2026", actor: Actors.Of(Role.Auditor, State.UK));
        var french = (await App.Get("/api/statistics?year=2026-28", 400, FrAuditor, language: "fr-FR")).Problem();
        Assert.Equal("Une année civile (exercice budgétaire français), par exemple 2027, ou un exercice budgétaire britannique "
            + "(du 1er avril au 31 mars), par exemple 2027-28, est attendu.", french["errors"]!["year"]![0]!.GetValue<string>());
        foreach (var bad in new[] { "", "26", "2026-Q1", "2026-2027", "1899" })
        {
            await App.Get($"/api/statistics?year={bad}", 400, UkAdmin);
        }

        var both = (await App.Get("/api/statistics.csv?year=x&format=excel", 400, UkAdmin)).Problem();
        Assert.Equal(["format", "year"], both["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task The_page_shows_the_same_figures_in_French_with_the_markers_the_year_picker_and_the_downloads()
    {
        await TwoYears();
        var html = (await App.Get("/statistics?year=2026", actor: FrAuditor, language: "fr-FR")).ReadAsText();
        // What the page itself says (the header names the signed-in person, who is test data).
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(main, "<[^>]+>", " "));

        Assert.Contains("<html lang=\"fr-FR\">", html);
        Assert.Contains("Statistiques publiées", text);
        Assert.Contains("<option value=\"2026\" selected=\"selected\">2026</option>", html);
        Assert.Contains("<option value=\"2026-27\">2026-27</option>", html);
        Assert.Contains("href=\"/api/statistics.csv?year=2026&amp;format=reader\"", html);
        Assert.Contains("<5", text);
        Assert.Contains("[c]", text);
        Assert.Contains("150\u202F000,00\u202F£", text);
        Assert.Contains("27\u202F375,00\u202F£", text);
        Assert.DoesNotContain("RF-", text);
        Untranslated.AssertNone("/statistics?year=2026", text);

        var invalid = (await App.Get("/statistics?year=2026-28", actor: UkAdmin)).ReadAsText();
        Assert.Contains("Expected a calendar year, e.g. 2027", invalid);
    }
}
