using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class FinancePagesTests(BrowserFixture web)
{
    [Fact]
    public async Task Finance_staff_agree_a_split_record_costs_see_the_balance_change_and_download_the_report()
    {
        var departure = WebScenarios.Departure(days: 75);
        var flightId = await web.BookedFlight(departure);
        var uk = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        await Expect(uk).ToHaveURLAsync(new Regex("/finance$"));

        await uk.GotoAsync($"/finance/flights/{flightId}");
        var propose = uk.GetByRole(AriaRole.Form, new() { Name = "Propose a split" });
        await propose.GetByLabel("Basis").SelectOptionAsync("FixedRatio");
        await propose.GetByLabel("Settlement currency").SelectOptionAsync("GBP");
        await propose.GetByLabel("UK percent (fixed ratio only)").FillAsync("60");
        await propose.GetByLabel("FR percent (fixed ratio only)").FillAsync("40");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Propose split" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Split proposed.");

        var fr = await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances");
        await fr.GotoAsync($"/finance/flights/{flightId}");
        await fr.GetByRole(AriaRole.Button, new() { Name = "Agree split" }).ClickAsync();
        await Expect(fr.GetByRole(AriaRole.Status)).ToHaveTextAsync("Split agreed.");
        await Expect(fr.Locator(".facts").First).ToContainTextAsync("Fixed ratio (UK 60%, FR 40%), settled in GBP");

        await uk.ReloadAsync();
        var rate = uk.GetByRole(AriaRole.Form, new() { Name = "Fix the exchange rate" });
        await rate.GetByLabel("Euros per pound").FillAsync("1.1734");
        await rate.GetByLabel("Rate date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await rate.GetByLabel("Source").FillAsync("ECB reference rate");
        await rate.GetByRole(AriaRole.Button, new() { Name = "Fix rate" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Exchange rate fixed.");
        await RecordCost(uk, "Charter", "Charter invoice", "1000.00", "INV-1");
        await Expect(uk.GetByTestId("owing")).ToHaveTextAsync(
            "FR owes UK £400.00; settled £0.00; outstanding £400.00.");
        await RecordCost(uk, "GroundHandling", "Handling at STN", "500.01", "INV-2");
        await Expect(uk.GetByTestId("owing")).ToHaveTextAsync(
            "FR owes UK £600.00; settled £0.00; outstanding £600.00.");
        await Expect(uk.Locator("table.balance tbody")).ToContainTextAsync("£900.01");
        await uk.Screenshot("cost-share-finance-1280");

        // 60 % of £1,500.01 is £900.006: the shares are rounded so that they still sum to the total.
        await Expect(uk.Locator("table.balance tbody")).ToContainTextAsync("£600.00");
        // A refused change says why, and nothing typed is lost.
        var settle = uk.GetByRole(AriaRole.Form, new() { Name = "Record a settlement" });
        await settle.GetByLabel("Amount").FillAsync("700.00");
        await settle.GetByLabel("Reference").FillAsync("BACS-9");
        await settle.GetByLabel("Paid on").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await settle.GetByRole(AriaRole.Button, new() { Name = "Record settlement" }).ClickAsync();
        await Expect(settle.Locator(".form-problem")).ToContainTextAsync("a settlement cannot exceed what is outstanding");
        await Expect(settle.GetByLabel("Reference")).ToHaveValueAsync("BACS-9");
        await settle.GetByLabel("Amount").FillAsync("600.00");
        await settle.GetByRole(AriaRole.Button, new() { Name = "Record settlement" }).ClickAsync();
        await Expect(uk.GetByTestId("owing")).ToHaveTextAsync("FR owes UK £600.00; settled £600.00; outstanding £0.00.");

        var period = departure.ToString("yyyy-MM");
        await uk.GotoAsync($"/finance/report?period={period}");
        // The period report is an asynchronous projection: it follows the costs within moments.
        await uk.ReloadUntil(() => uk.Locator("table.chart-data tbody").InnerTextAsync(new() { Timeout = 1000 }), text => text.Contains("£900.01"));
        await Expect(uk.Locator("svg.chart")).ToHaveCountAsync(1);
        await Expect(uk.Locator("table.chart-data tbody tr")).ToContainTextAsync(["£900.01"]);
        var download = await uk.RunAndWaitForDownloadAsync(() =>
            uk.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal($"cost-share-{period}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var reference = (await web.Get(Actors.UkPlanner, $"/api/flights/{flightId}")).GetProperty("reference").GetString()!;
        Assert.Contains(reference, csv);
        Assert.Contains("1500.01", csv);
        await uk.Screenshot("period-report-finance-1280");
    }

    [Fact]
    public async Task Costs_are_corrected_and_withdrawn_with_a_reason_funding_is_recorded_and_both_states_confirm()
    {
        var flightId = await web.BookedFlight();
        await web.AgreedSplit(flightId);
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/exchange-rate",
            new { eurPerGbp = 1.1734m, rateDate = DateTime.UtcNow.ToString("yyyy-MM-dd"), source = "ECB" });
        foreach (var (description, amount) in new[] { ("Charter invoice", 1000.00m), ("Hotel", 90.00m) })
        {
            await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/costs", new
            {
                category = "Charter", description, amount = new { amount, currency = "GBP" }, invoiceReference = "INV-" + amount,
            });
        }

        var uk = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        await uk.GotoAsync($"/finance/flights/{flightId}");
        var correct = uk.GetByRole(AriaRole.Form, new() { Name = "Correct Charter invoice (£1,000.00)" });
        await correct.GetByLabel("New amount").FillAsync("1200.00");
        await correct.GetByLabel("Reason").FillAsync("Fuel surcharge invoiced late");
        await correct.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cost corrected.");
        var withdraw = uk.GetByRole(AriaRole.Form, new() { Name = "Withdraw Hotel (£90.00)" });
        await withdraw.GetByLabel("Reason").FillAsync("Booked twice");
        await withdraw.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cost withdrawn.");
        await Expect(uk.Locator("table.lines")).ToContainTextAsync("Hotel (withdrawn)");

        var funding = uk.GetByRole(AriaRole.Form, new() { Name = "External funding received by UK" });
        await funding.GetByLabel("Funder").FillAsync("EU AMIF");
        await funding.GetByLabel("Amount").FillAsync("200.00");
        await funding.GetByLabel("Reference").FillAsync("AMIF-2026-3");
        await funding.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Funding recorded.");
        // £1,200.00 less £200.00 funding is shared 60/40; the UK paid all of it net of its funding.
        await Expect(uk.GetByTestId("owing")).ToHaveTextAsync("FR owes UK £400.00; settled £0.00; outstanding £400.00.");

        var settle = uk.GetByRole(AriaRole.Form, new() { Name = "Record a settlement" });
        await settle.GetByLabel("Amount").FillAsync("400.00");
        await settle.GetByLabel("Reference").FillAsync("BACS-10");
        await settle.GetByLabel("Paid on").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await settle.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settlement recorded.");
        await uk.GetByRole(AriaRole.Button, new() { Name = "Confirm for UK" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cost share confirmed.");
        var fr = await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances");
        await fr.GotoAsync($"/finance/flights/{flightId}");
        await fr.GetByRole(AriaRole.Button, new() { Name = "Confirm for FR" }).ClickAsync();
        await Expect(fr.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cost share confirmed.");
        await Expect(fr.Locator(".facts").First).ToContainTextAsync("Reconciled");

        // The page's link gives the same reconciliation on paper, downloaded with the sign-in cookie.
        await uk.ReloadAsync();
        var statement = await uk.RunAndWaitForDownloadAsync(() =>
            uk.GetByRole(AriaRole.Link, new() { Name = "Statement (PDF)" }).ClickAsync());
        Assert.Matches(@"^statement-RF-\d{4}-\d{4}\.pdf$", statement.SuggestedFilename);
        var paper = await CalaisReturns.Tests.Finance.PdfText.Of(await File.ReadAllBytesAsync((await statement.PathAsync())!));
        Assert.Contains("FR owes UK £400.00; settled £400.00; outstanding £0.00.", paper);
        Assert.Contains("Reconciled", paper);
        Assert.Contains("by Fiona Finance", paper);
    }

    private static async Task RecordCost(IPage page, string category, string description, string amount, string invoice)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a cost paid by UK" });
        await form.GetByLabel("Category").SelectOptionAsync(category);
        await form.GetByLabel("Description").FillAsync(description);
        await form.GetByLabel("Amount").FillAsync(amount);
        await form.GetByLabel("Currency").SelectOptionAsync("GBP");
        await form.GetByLabel("Invoice reference").FillAsync(invoice);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record cost" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cost recorded.");
    }
}
