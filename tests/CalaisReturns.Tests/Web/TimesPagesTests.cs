using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>People type and read times in their own zone; what is stored is the right instant, clock changes included.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimesPagesTests(BrowserFixture web)
{
    private async Task<DateTimeOffset> StoredDeparture(IPage page)
    {
        var id = new Uri(page.Url).Segments[^1];
        return (await web.Get(Actors.UkPlanner, $"/api/flights/{id}")).GetProperty("scheduledDeparture").GetDateTimeOffset();
    }

    private static async Task Plan(IPage page, string form, string country, string from, string to, string departureLabel, string local,
        string arrivalLabel, string arrival, string submit, string done)
    {
        var plan = page.GetByRole(AriaRole.Form, new() { Name = form });
        await plan.GetByLabel(from).FillAsync("CDG");
        await plan.GetByLabel(departureLabel).FillAsync(local);
        await plan.GetByLabel(to, new() { Exact = true }).FillAsync("TIA");
        await plan.GetByLabel(arrivalLabel).FillAsync(arrival);
        await plan.GetByLabel(country).FillAsync("AL");
        await plan.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(done);
    }

    [Fact]
    public async Task A_French_planner_types_Paris_time_across_both_clock_changes_of_2027()
    {
        var page = await web.SignedIn(Role.Planner, State.FR, "Françoise Planificatrice", language: null);
        await page.GotoAsync("/schedule");
        // 03:30 on 28 March 2027 is summer time in Paris (UTC+2).
        await Plan(page, "Planifier le vol", "Pays de retour", "Aéroport de départ", "Aéroport",
            "Départ prévu (Paris)", "2027-03-28T03:30", "Heure prévue (Paris)", "2027-03-28T07:30", "Planifier le vol", "Vol planifié.");
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T01:30:00Z"), await StoredDeparture(page));
        await Expect(page.Locator(".facts")).ToContainTextAsync("dim. 28 mars 2027 03:30 Paris");
        await Expect(page.Locator(".facts")).ToContainTextAsync("heure locale à CDG (Paris Charles de Gaulle)");

        // 02:30 on 31 October 2027 happens twice in Paris: the first, still in summer time (UTC+2).
        var reschedule = page.GetByRole(AriaRole.Form, new() { Name = "Reprogrammer" });
        await reschedule.GetByLabel("Nouveau départ (Paris)").FillAsync("2027-10-31T02:30");
        await reschedule.GetByLabel("Motif").FillAsync("Créneau déplacé");
        await reschedule.GetByRole(AriaRole.Button, new() { Name = "Reprogrammer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Vol reprogrammé.");
        Assert.Equal(DateTimeOffset.Parse("2027-10-31T00:30:00Z"), await StoredDeparture(page));
    }

    [Fact]
    public async Task A_UK_planner_types_London_time_and_can_read_the_same_flight_in_Paris_time()
    {
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await page.GotoAsync("/schedule");
        // 01:30 on 28 March 2027 does not exist in London (01:00 → 02:00): it is taken as 02:30 summer time.
        await Plan(page, "Plan flight", "Country of return", "Departure airport", "Airport",
            "Scheduled departure (London)", "2027-03-28T01:30", "Scheduled time (London)", "2027-03-28T06:30", "Plan flight", "Flight planned.");
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T01:30:00Z"), await StoredDeparture(page));
        await Expect(page.Locator(".facts")).ToContainTextAsync("Sun 28 Mar 2027 02:30 London");

        await page.GetByRole(AriaRole.Link, new() { Name = "show in Paris" }).ClickAsync();
        await Expect(page.Locator(".facts")).ToContainTextAsync("Sun 28 Mar 2027 03:30 Paris");
        await Expect(page.Locator("footer")).ToContainTextAsync("times in Paris");
    }
}
