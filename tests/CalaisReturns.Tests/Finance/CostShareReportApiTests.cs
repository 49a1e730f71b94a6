using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using JasperFx.Events.Daemon;
using Marten;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter;
using Snapshooter.Xunit;

namespace CalaisReturns.Tests.Finance;

/// <summary>A mixed quarter through the API, the async report, and a rebuild of it.</summary>
public class CostShareReportApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    public static readonly Guid[] FlightIds =
    [
        Guid.Parse("01980000-0000-7000-8000-0000000000a1"), Guid.Parse("01980000-0000-7000-8000-0000000000a2"),
        Guid.Parse("01980000-0000-7000-8000-0000000000a3"), Guid.Parse("01980000-0000-7000-8000-0000000000a4"),
    ];

    private async Task<Guid> Flight(int n, DateTimeOffset departure, string country = "AL")
    {
        var id = await App.PlannedFlight(Api.Plan(departure: departure, country: country, flightId: FlightIds[n]));
        await App.Post($"/api/flights/{id}/charter", Api.Charter());
        await App.Post($"/api/flights/{id}/seat-allocation", new
        {
            allocations = new[] { new { state = "UK", seats = 100 }, new { state = "FR", seats = 80 } },
        });
        return id;
    }

    private Task Cost(Guid flight, Actor payer, string category, decimal amount, string currency) =>
        App.Post($"/api/flights/{flight}/costs", new
        {
            category, description = category, amount = new { amount, currency }, invoiceReference = "INV-" + category,
        }, actor: payer);

    /// <summary>Three flights in 2026-Q3 (one without an agreed split) and one moved from September to October.</summary>
    private async Task MixedQuarter()
    {
        var july = await Flight(0, new DateTimeOffset(2026, 7, 28, 6, 0, 0, TimeSpan.Zero));
        await App.AgreedSplitAndRate(july, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        await Cost(july, UkFinance, "Charter", 10_000.01m, "GBP");
        await Cost(july, FrFinance, "Accommodation", 3_333.33m, "EUR");
        await Cost(july, UkFinance, "Escorts", 4_200m, "GBP");

        var september = await Flight(1, new DateTimeOffset(2026, 9, 15, 6, 0, 0, TimeSpan.Zero), "XK");
        await App.AgreedSplitAndRate(september, new
        {
            basis = "FixedRatio", settlementCurrency = "EUR",
            ratios = new[] { new { state = "UK", percent = 60 }, new { state = "FR", percent = 40 } },
        });
        await Cost(september, FrFinance, "Charter", 96_500m, "EUR");
        await App.Post($"/api/flights/{september}/external-funding",
            new { funder = "Frontex", amount = new { amount = 20_000m, currency = "EUR" }, reference = "FX-2026-88" }, actor: FrFinance);
        await App.Post($"/api/flights/{september}/settlements",
            new { amount = new { amount = 10_000m, currency = "EUR" }, reference = "HMT-1", paidOn = "2026-06-30" }, actor: UkFinance);

        var august = await Flight(2, new DateTimeOffset(2026, 8, 3, 6, 0, 0, TimeSpan.Zero));
        await Cost(august, UkFinance, "Charter", 50_000m, "GBP");

        var moved = await Flight(3, new DateTimeOffset(2026, 9, 20, 6, 0, 0, TimeSpan.Zero));
        await App.AgreedSplitAndRate(moved, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        await Cost(moved, UkFinance, "Charter", 77_777.77m, "GBP");
        await App.Post($"/api/flights/{moved}/reschedule",
            new { newDeparture = new DateTimeOffset(2026, 10, 2, 6, 0, 0, TimeSpan.Zero), reason = "Slot" });
        await Cost(moved, UkFinance, "GroundHandling", 1_000m, "GBP");
        await App.ProjectionsCaughtUp();
    }

    [Fact]
    public async Task The_quarter_report_equals_the_sum_of_its_flights_cost_shares_exactly()
    {
        await MixedQuarter();
        var report = await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026-Q3", UkFinance);

        Assert.Equal((3, 1), (report.Flights, report.FlightsNotFinal));
        await using var session = App.Store.QuerySession();
        var shares = (await session.LoadManyAsync<FlightCostShare>(FlightIds.Take(3).ToArray()))
            .Where(s => s.Figures.Totals is not null).ToList();
        foreach (var section in report.Currencies)
        {
            var flights = shares.Where(s => s.Figures.SettlementCurrency == section.Currency).Select(s => s.Figures.Totals!).ToList();
            Assert.Equal(flights.Sum(t => t.SharedTotal), section.SharedTotal);
            Assert.Equal(flights.Sum(t => t.ExternalFunding), section.ExternalFunding);
            foreach (var state in section.States)
            {
                Assert.Equal(flights.Sum(t => t.States.FirstOrDefault(s => s.State == state.State)?.Share ?? 0m), state.Share);
                Assert.Equal(flights.Sum(t => t.States.FirstOrDefault(s => s.State == state.State)?.Paid ?? 0m), state.Paid);
            }
        }

        var q4 = await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026-Q4", FrFinance);
        Assert.Equal(78_777.77m, q4.Currencies.Single().SharedTotal);
        Assert.Equal(4, (await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026", UkFinance)).Flights);
        Assert.Equal(0, (await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026-09", UkFinance)).FlightList
            .Count(f => f.FlightId == FlightIds[3]));
    }

    [Fact]
    public async Task A_rebuild_reproduces_the_live_month_documents()
    {
        await MixedQuarter();
        async Task<string> Months()
        {
            // The documents and the columns kept beside them (the reported figures and months are not in the JSON).
            await using var session = App.Store.QuerySession();
            var months = await session.Query<CostShareReportEntry>().OrderBy(m => m.Id).ToListAsync();
            var columns = await session.AdvancedSql.QueryAsync<string>(
                $"select concat_ws(' | ', id, {CostShareReportEntry.ReportedColumn}, {CostShareReportEntry.MonthsColumn}) "
                + $"from {App.Schema}.mt_doc_costsharereportentry order by id", CancellationToken.None);
            Assert.All(columns, c => Assert.Contains("\"Reference\":\"RF-", c));
            return System.Text.Json.JsonSerializer.Serialize(months) + string.Join('\n', columns);
        }

        var live = await Months();
        var coordinator = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.DaemonForMainDatabase().RebuildProjectionAsync<CostShareReportEntryProjection>(CancellationToken.None);
        Assert.Equal(live, await Months());
        Assert.Contains("2026-10", live);
    }

    [Fact]
    public async Task Entries_projected_before_they_kept_the_reported_figures_are_reported_from_their_facts()
    {
        await MixedQuarter();
        var current = (await App.Get("/api/reports/cost-share?period=2026-Q3", actor: UkFinance)).ReadAsText();
        await using (var session = App.Store.LightweightSession())
        {
            var entries = await session.Query<CostShareReportEntry>().ToListAsync();
            session.Store([.. entries.Select(e => e with { Reported = null! })]);
            await session.SaveChangesAsync();
        }

        Assert.Equal(current, (await App.Get("/api/reports/cost-share?period=2026-Q3", actor: UkFinance)).ReadAsText());
    }

    [Fact]
    public async Task The_reports_JSON_and_CSV_are_pinned_for_a_fixed_scenario()
    {
        await MixedQuarter();
        var json = (await App.Get("/api/reports/cost-share?period=2026-Q3", actor: UkFinance)).ReadAsText();
        Snapshot.Match(JsonNode.Parse(json)!.ToJsonString(new() { WriteIndented = true }), SnapshotNameExtension.Create("json"));

        var csv = await App.Get("/api/reports/cost-share.csv?period=2026-Q3", actor: UkFinance);
        Assert.Equal("text/csv; charset=utf-8", csv.Context.Response.ContentType);
        Snapshot.Match(csv.ReadAsText(), SnapshotNameExtension.Create("csv"));
    }

    [Theory]
    [InlineData("fr-FR", ';', "Période", "2855,42", "Ouvert")]
    [InlineData("en-GB", ',', "Period", "2855.42", "Open")]
    public async Task The_readers_CSV_and_the_Excel_file_hold_the_same_cells_in_the_readers_language(string language,
        char separator, string firstHeader, string amount, string status)
    {
        await MixedQuarter();
        var download = await App.Get("/api/reports/cost-share.csv?period=2026-Q3&format=reader", actor: FrFinance, language: language);
        using var csvBytes = new MemoryStream();
        await download.Context.Response.Body.CopyToAsync(csvBytes);
        var raw = csvBytes.ToArray();
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), raw[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(raw[3..])
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(separator)).ToList();
        Assert.Equal(firstHeader, csv[0][0]);
        Assert.Contains(csv.Skip(1), row => row.Contains(amount));
        Assert.Contains(csv.Skip(1), row => row.Contains(status));

        var excel = await App.Get("/api/reports/cost-share.xlsx?period=2026-Q3", actor: FrFinance, language: language);
        using var rows = new MemoryStream();
        await excel.Context.Response.Body.CopyToAsync(rows);
        rows.Position = 0;
        var sheet = MiniExcelLibs.MiniExcel.Query(rows, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(csv[0], sheet[0].Keys);
        Assert.Equal(csv.Count - 1, sheet.Count);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        // Money is a number and the departure a date in the workbook; the CSV writes them the reader's way.
        string Cell(object? value) => value switch
        {
            DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            double number => ((decimal)number).ToString("0.00", culture),
            _ => Convert.ToString(value, culture) ?? "",
        };
        Assert.Contains(sheet, row => row[csv[0][2]] is DateTime);
        Assert.Contains(sheet, row => row[csv[0][7]] is double);
        foreach (var (cells, row) in csv.Skip(1).Zip(sheet))
        {
            Assert.Equal(cells.Select((c, i) => i == 6 && c.Length > 0 ? decimal.Parse(c, culture).ToString("0.00", culture) : c),
                row.Values.Select((v, i) => i == 6 && v is double n ? ((decimal)n).ToString("0.00", culture) : Cell(v)));
        }
    }

    [Fact]
    public async Task Reports_are_for_finance_auditors_and_admins_and_the_period_must_be_valid()
    {
        await App.Get("/api/reports/cost-share?period=2026-Q3", 403, Actors.UkPlanner);
        await App.Get("/api/reports/cost-share?period=2026-Q3", actor: Actors.Of(Role.Auditor, State.UK));
        foreach (var bad in (string[])["2026-Q5", "2026-13", "26-Q1", ""])
        {
            await App.Get($"/api/reports/cost-share?period={bad}", 400, UkFinance);
        }
    }
}
