using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Periods;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;

namespace CalaisReturns.Tests.Finance;

public class PeriodClosingApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    /// <summary>A July flight whose cost share both states have settled and confirmed; returns it and its charter line.</summary>
    private async Task<(Guid Flight, Guid Line)> ReconciledJulyFlight()
    {
        var flight = await App.ReadyFlight();
        await App.AgreedSplitAndRate(flight, new
        {
            basis = "FixedRatio", settlementCurrency = "GBP",
            ratios = new[] { new { state = "UK", percent = 50 }, new { state = "FR", percent = 50 } },
        });
        var line = await App.UkCharterCost(flight, 10_000m);
        await App.Post($"/api/flights/{flight}/settlements",
            new { amount = new { amount = 5_000m, currency = "GBP" }, reference = "TRESOR-2026-7", paidOn = "2026-07-01" }, actor: FrFinance);
        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, actor: FrFinance);
        return (flight, line);
    }

    private Task<PeriodStatus> Period(string month, Actor? actor = null) => App.GetJson<PeriodStatus>($"/api/periods/{month}", actor ?? UkFinance);

    private async Task<CostShareReport> Report(string month)
    {
        await App.ProjectionsCaughtUp();
        return await App.GetJson<CostShareReport>($"/api/reports/cost-share?period={month}", FrFinance);
    }

    [Fact]
    public async Task Both_states_close_July_and_a_later_correction_shows_as_an_adjustment_in_the_next_open_month_never_in_July()
    {
        var (flight, line) = await ReconciledJulyFlight();
        await App.Post("/api/periods/2026-07/closure", new { }, 409, UkFinance);
        App.Clock.Now = new DateTimeOffset(2026, 8, 2, 9, 0, 0, TimeSpan.Zero);

        await App.Post("/api/periods/2026-07/closure", new { }, actor: UkFinance);
        var half = await Period("2026-07");
        Assert.Equal((false, "UK"), (half.Closed, string.Join(",", half.ClosedBy)));
        await App.Post("/api/periods/2026-07/closure", new { }, 409, UkFinance);
        await App.Post("/api/periods/2026-07/closure", new { }, actor: FrFinance);
        var closed = await Period("2026-07", FrFinance);
        Assert.Equal((true, 1), (closed.Closed, closed.Closing));
        Assert.Equal((1, 10_000m), (closed.Report.Closure!.Closing, closed.Report.Currencies.Single().SharedTotal));

        // A change to the closed month's flight needs a reason; with it, July's report stays as closed.
        App.Clock.Advance(TimeSpan.FromDays(1));
        var refused = (await App.Post($"/api/flights/{flight}/external-funding",
            new { funder = "Frontex", amount = new { amount = 1_000m, currency = "GBP" }, reference = "FX-1" }, 409, UkFinance)).Problem();
        Assert.Contains("(2026-07) is closed: give the reason", refused["detail"]!.GetValue<string>());
        await App.Post($"/api/flights/{flight}/costs/{line}/correction",
            new { newAmount = new { amount = 9_000m, currency = "GBP" }, reason = "Carrier's credit note CN-12" }, actor: UkFinance);
        Assert.Equal(10_000m, (await Report("2026-07")).Currencies.Single().SharedTotal);

        var august = await Report("2026-08");
        var adjustment = Assert.Single(august.Adjustments);
        Assert.Equal(("2026-07", flight, Currency.GBP, -1_000m), (adjustment.Month, adjustment.FlightId, adjustment.Currency, adjustment.SharedTotal));
        Assert.Equal((-500m, -1_000m, 500m), (adjustment.States[0].Share, adjustment.States[0].Paid, adjustment.States[0].Balance));
        Assert.Equal(-500m, adjustment.States[1].Share);
        Assert.Contains("2026-08,RF-2026-0001,,,adjustment 2026-07,GBP,,-1000.00,-500.00,-1000.00,500.00,-500.00,0.00,-500.00", (await App.Get("/api/reports/cost-share.csv?period=2026-08", actor: UkFinance)).ReadAsText());

        // The pages say so, in the reader's language: July as closed; August with July's adjustment and the form to close it.
        var julyPage = System.Net.WebUtility.HtmlDecode((await App.Get("/finance/report?Period=2026-07", actor: FrFinance, language: "fr-FR")).ReadAsText());
        Assert.Contains("Clos par les deux États (clôture 1", julyPage);
        Assert.Contains("Demander la réouverture", julyPage);
        var augustPage = System.Net.WebUtility.HtmlDecode((await App.Get("/finance/report?Period=2026-08", actor: UkFinance)).ReadAsText());
        Assert.Contains("Adjustments to closed months", augustPage);
        Assert.Contains("-£1,000.00", augustPage);
        Assert.Contains("/api/periods/2026-08/closure", augustPage);

        // August closes with that adjustment in it; a further change to July then shows in September alone.
        App.Clock.Now = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        await App.Post("/api/periods/2026-08/closure", new { }, actor: FrFinance);
        await App.Post("/api/periods/2026-08/closure", new { }, actor: UkFinance);
        Assert.Equal(-1_000m, Assert.Single((await Period("2026-08")).Report.Adjustments).SharedTotal);
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.Post($"/api/flights/{flight}/costs/{line}/correction",
            new { newAmount = new { amount = 8_600m, currency = "GBP" }, reason = "Second credit note CN-19" }, actor: UkFinance);
        Assert.Equal(-400m, Assert.Single((await Report("2026-09")).Adjustments).SharedTotal);
        Assert.Equal(-1_000m, Assert.Single((await Report("2026-08")).Adjustments).SharedTotal);

        // Reopening July needs both states; July then reads live again, and September no longer reports it.
        await App.Post("/api/periods/2026-07/reopening", new { reason = "" }, 400, UkFinance);
        await App.Post("/api/periods/2026-07/reopening", new { reason = "Credit notes to fold into July" }, actor: UkFinance);
        Assert.True((await Period("2026-07")).Closed);
        await App.Post("/api/periods/2026-07/reopening", new { reason = "Agreed with the UK" }, actor: FrFinance);
        Assert.False((await Period("2026-07")).Closed);
        Assert.Equal(8_600m, (await Report("2026-07")).Currencies.Single().SharedTotal);
        Assert.Empty((await Report("2026-09")).Adjustments);
        Assert.Equal(10_000m, (await App.GetJson<PeriodStatus>("/api/periods/2026-07?closing=1", UkFinance)).Report.Currencies.Single().SharedTotal);

        // Closing it again waits for the flight to be reconciled again; the history records every step.
        var waiting = (await App.Post("/api/periods/2026-07/closure", new { }, 409, UkFinance)).Problem();
        Assert.Contains("RF-2026-0001", waiting["detail"]!.GetValue<string>());
        await App.Post("/api/periods/2026-07/closure", new { }, 403, Actors.UkPlanner);
        await App.Post("/api/periods/2026-13/closure", new { }, 400, UkFinance);
        await App.Get("/api/periods/2026-07", 403, Actors.UkPlanner);
    }
}
