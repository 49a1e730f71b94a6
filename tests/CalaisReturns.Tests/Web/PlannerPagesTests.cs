using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class PlannerPagesTests(BrowserFixture web)
{
    private static readonly DateTimeOffset Departure = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(40).AddHours(6);

    [Fact]
    public async Task A_planner_plans_and_books_a_flight_and_a_refused_form_keeps_what_was_typed()
    {
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await Expect(page).ToHaveURLAsync(new Regex("/schedule"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Schedule", "Cases", "Officers", "Complaints", "Accountability"]);

        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Plan flight" });
        // Both states' people board at the departure; the one further stop is a drop-off to start with.
        await plan.GetByRole(AriaRole.Checkbox, new() { Name = "FR", Exact = true }).CheckAsync();
        await plan.GetByLabel("Departure airport").FillAsync("STN");
        await plan.GetByLabel("Scheduled departure (London)").FillAsync(Show(Departure));
        await plan.GetByLabel("Airport", new() { Exact = true }).FillAsync("TIA");
        await plan.GetByLabel("Scheduled time (London)").FillAsync(Show(Departure.AddHours(4)));
        await plan.GetByLabel("Country of return").FillAsync("AL");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Plan flight" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/flights/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Flight planned.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Planned");

        // Invalid: no seats. The API's reason appears next to the field, and the typed values stay.
        var charter = page.GetByRole(AriaRole.Form, new() { Name = "Book the charter" });
        await charter.GetByLabel("Carrier").FillAsync("Titan Airways");
        await charter.GetByLabel("Aircraft type").FillAsync("A321");
        await charter.GetByLabel("Seat capacity").FillAsync("0");
        await charter.GetByLabel("Contract reference").FillAsync("HO-CH-77");
        await charter.GetByLabel("Contract price").FillAsync("174468.00");
        await charter.GetByRole(AriaRole.Button, new() { Name = "Book charter" }).ClickAsync();
        await Expect(charter.Locator("#charter-seatCapacity-error")).ToContainTextAsync("between 1 and 853");
        await Expect(charter.GetByLabel("Seat capacity")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(charter.GetByLabel("Carrier")).ToHaveValueAsync("Titan Airways");
        await Expect(charter.GetByLabel("Contract price")).ToHaveValueAsync("174468.00");

        await charter.GetByLabel("Seat capacity").FillAsync("180");
        await charter.GetByRole(AriaRole.Button, new() { Name = "Book charter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Charter booked.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Booked");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Titan Airways, A321, 180 seats");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Charter booked by Ursula Planner (Planner, UK)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "flight-planner-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task A_planner_opens_a_case_and_manifests_the_returnee_and_only_that_states_planners_see_the_name()
    {
        var flightId = await web.BookedFlight();
        var name = "Arben Testcase " + Guid.NewGuid().ToString("N")[..6];
        var reference = "UK-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");

        await page.GotoAsync("/cases");
        var open = page.GetByRole(AriaRole.Form, new() { Name = "Open case" });
        await open.GetByLabel("Case reference").FillAsync(reference);
        await open.GetByLabel("Full name").FillAsync(name);
        await open.GetByLabel("Nationality").FillAsync("AL");
        await open.GetByLabel("Date of birth").FillAsync("1991-03-04");
        await open.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        var document = page.GetByRole(AriaRole.Form, new() { Name = "Travel document" });
        await document.GetByLabel("Kind").SelectOptionAsync("Passport");
        await document.GetByLabel("Expiry").FillAsync("2031-05-31");
        await document.GetByRole(AriaRole.Button, new() { Name = "Record travel document" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Travel document recorded.");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Passport, expires 31 May 2031");

        await page.GotoAsync($"/flights/{flightId}");
        var add = page.GetByRole(AriaRole.Form, new() { Name = "Add a returnee" });
        await add.GetByLabel("UK case").SelectOptionAsync(new SelectOptionValue { Label = $"{reference} · {name} · AL" });
        await add.GetByLabel("Place").SelectOptionAsync("Confirmed");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add to manifest" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Returnee added to the manifest.");
        var line = page.Locator("table.manifest tbody tr").Filter(new() { HasText = reference });
        await Expect(line).ToContainTextAsync(name);
        await Expect(line).ToContainTextAsync("Confirmed");
        await page.Screenshot("flight-manifest-planner-1280");

        // The other state's planner and finance staff see the reference, never the name (as the API).
        var frPlanner = await web.SignedIn(Role.Planner, State.FR, "Francois Planificateur");
        await frPlanner.GotoAsync($"/flights/{flightId}");
        await Expect(frPlanner.Locator("table.manifest")).ToContainTextAsync(reference);
        await Expect(frPlanner.Locator("body")).Not.ToContainTextAsync(name);
        await Expect(frPlanner.GetByRole(AriaRole.Form, new() { Name = "Book the charter" })).ToHaveCountAsync(0);
        var finance = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        await finance.GotoAsync($"/flights/{flightId}");
        await Expect(finance.Locator("table.manifest")).ToContainTextAsync(reference);
        await Expect(finance.Locator("body")).Not.ToContainTextAsync(name);
        await Expect(finance.Locator("form[data-api]")).ToHaveCountAsync(0);
        await Expect(finance.Locator("#timeline-heading + p")).ToContainTextAsync("Only auditors, admins and planners");
    }

    [Theory]
    [InlineData(Role.Planner, "/finance")]
    [InlineData(Role.Planner, "/finance/report")]
    [InlineData(Role.Planner, "/audit")]
    [InlineData(Role.Finance, "/cases")]
    [InlineData(Role.Finance, "/audit")]
    public async Task A_page_the_API_would_refuse_to_the_role_is_refused(Role role, string path)
    {
        var page = await web.SignedIn(role, State.UK, "Somebody Else");
        var response = await page.GotoAsync(path);
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not for your role");
    }

    [Fact]
    public async Task Without_signing_in_every_page_leads_to_the_sign_in_page()
    {
        var page = await web.NewPage();
        foreach (var path in new[] { "/", "/schedule", "/finance", "/audit", "/cases" })
        {
            await page.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl="));
        }
    }

    /// <summary>What a UK reader types for an instant: the wall-clock time in London.</summary>
    internal static string Show(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, CalaisReturns.Core.Http.ReaderZones.London).ToString("yyyy-MM-dd'T'HH:mm");
}
