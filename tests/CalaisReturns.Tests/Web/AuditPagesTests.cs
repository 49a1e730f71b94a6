using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class AuditPagesTests(BrowserFixture web)
{
    [Fact]
    public async Task An_auditor_sees_the_timeline_and_the_flight_and_cost_share_as_they_stood_at_an_earlier_time()
    {
        var flightId = await web.BookedFlight();
        await web.AgreedSplit(flightId);
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/exchange-rate",
            new { eurPerGbp = 1.1734m, rateDate = DateTime.UtcNow.ToString("yyyy-MM-dd"), source = "ECB" });
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/costs", new
        {
            category = "Charter", description = "Charter invoice", amount = new { amount = 1000.00m, currency = "GBP" },
            invoiceReference = "INV-A1",
        });
        // Event times are whole seconds on the page: let the later changes fall in a later second.
        var before = DateTimeOffset.UtcNow;
        var asOf = new DateTimeOffset(before.Year, before.Month, before.Day, before.Hour, before.Minute, before.Second, TimeSpan.Zero)
            .AddSeconds(1);
        await Task.Delay(asOf - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1100));
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/costs", new
        {
            category = "Escorts", description = "Escort overtime", amount = new { amount = 250.00m, currency = "GBP" },
            invoiceReference = "INV-A2",
        });
        await web.Api(Actors.UkPlanner, $"/api/flights/{flightId}/monitor", new { organisation = "Independent Monitoring Board" });

        var page = await web.SignedIn(Role.Auditor, State.UK, "Alex Auditor");
        await Expect(page).ToHaveURLAsync(new Regex("/audit$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the history now" }).ClickAsync();
        await Expect(page.GetByTestId("verification")).ToContainTextAsync("Intact:");

        await page.GotoAsync($"/audit/flights/{flightId}");
        var timeline = page.Locator("table.timeline-table tbody");
        await Expect(timeline).ToContainTextAsync("Charter booked");
        await Expect(timeline).ToContainTextAsync("UK Planner (Planner, UK)");
        await Expect(timeline).ToContainTextAsync("Monitor assigned");
        await Expect(page.GetByTestId("asof-flight")).ToContainTextAsync("Booked");
        await Expect(page.Locator("table.lines tbody tr")).ToHaveCountAsync(2);

        await page.GetByLabel("As of (London)").FillAsync(
            WebScenarios.Typed(TimeZoneInfo.ConvertTime(asOf, CalaisReturns.Core.Http.ReaderZones.London)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show as of then" }).ClickAsync();
        await Expect(page.GetByTestId("as-of")).ToContainTextAsync("As it stood on");
        await Expect(page.Locator("table.lines tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.lines")).ToContainTextAsync("Charter invoice");
        await Expect(page.Locator("table.lines")).Not.ToContainTextAsync("Escort overtime");
        await Expect(page.GetByTestId("owing")).ToContainTextAsync("FR owes UK £400.00");
        await Expect(timeline.Locator("tr.later")).ToHaveCountAsync(2);
        await page.Screenshot("audit-flight-as-of-1280");
    }
}
