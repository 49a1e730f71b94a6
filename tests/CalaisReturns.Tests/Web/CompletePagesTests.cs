using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>What a page should say without being asked: empty results, where a case flies, the terms before agreeing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CompletePagesTests(BrowserFixture web)
{
    [Fact]
    public async Task Finance_sees_the_coming_months_by_default_with_this_years_hints()
    {
        // 40 days ahead: next month, and next year in December.
        var flightId = await web.BookedFlight(WebScenarios.Departure(days: 40));
        var reference = (await web.Get(Actors.UkPlanner, $"/api/flights/{flightId}")).GetProperty("reference").GetString()!;
        var page = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        await page.GotoAsync("/finance");
        await Expect(page.Locator("main")).ToContainTextAsync(reference);
        var now = DateTimeOffset.UtcNow;
        await Expect(page.Locator("#period-hint")).ToHaveTextAsync(
            $"Month {now:yyyy-MM}, quarter {now.Year}-Q{(now.Month - 1) / 3 + 1} or year {now.Year}");

        await page.GotoAsync("/finance?Period=1999");
        await Expect(page.Locator("main")).ToContainTextAsync("No flight departs in this period.");
    }

    [Fact]
    public async Task An_empty_schedule_says_so_and_the_calendar_shows_the_month_the_filter_starts_in()
    {
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await page.GotoAsync("/schedule?From=2031-05-01&To=2031-06-01");
        await Expect(page.Locator("main")).ToContainTextAsync("No flight matches these filters.");
        await Expect(page.Locator("#calendar-heading")).ToHaveTextAsync("May 2031");
    }

    [Fact]
    public async Task A_case_page_names_its_flight_and_the_admin_reaches_the_jobs_dashboard_and_back()
    {
        var flightId = await web.BookedFlight();
        var reference = (await web.Get(Actors.UkPlanner, $"/api/flights/{flightId}")).GetProperty("reference").GetString()!;
        var (caseId, _) = await web.UkCase();
        await web.Api(Actors.UkPlanner, $"/api/flights/{flightId}/manifest", new { caseId, status = "Reserve" });
        var planner = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await planner.GotoAsync($"/cases/{caseId}");
        await Expect(planner.Locator(".facts")).ToContainTextAsync(reference);

        var admin = await web.SignedIn(Role.Admin, State.UK, "Ada Admin");
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/jobs"));
        await Expect(admin.Locator("a[href='/']").First).ToBeAttachedAsync();
    }

    [Fact]
    public async Task The_other_state_sees_the_full_terms_before_agreeing_to_a_split()
    {
        var flightId = await web.BookedFlight();
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/cost-split", new
        {
            basis = "FixedRatio", settlementCurrency = "EUR",
            ratios = new[] { new { state = "UK", percent = 55.5m }, new { state = "FR", percent = 44.5m } },
        });
        var french = await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances", language: null);
        await french.GotoAsync($"/finance/flights/{flightId}");
        await Expect(french.GetByRole(AriaRole.Form, new() { Name = "Accepter la répartition proposée par UK : Ratio fixe (UK 55,5\u202F%, FR 44,5\u202F%), réglée en EUR" }))
            .ToBeVisibleAsync();
    }
}
