using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>French staff get French pages by default; anyone can switch, and the choice stays.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguagePagesTests(BrowserFixture web)
{
    [Fact]
    public async Task A_French_planner_reads_French_switches_to_English_and_the_choice_is_remembered()
    {
        var flightId = await web.BookedFlight();
        var page = await web.SignedIn(Role.Planner, State.FR, "Françoise Planificatrice", language: null);
        await page.GotoAsync("/schedule");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr-FR");
        await Expect(page.GetByRole(AriaRole.Navigation)).ToContainTextAsync("Programme des vols");
        await page.GotoAsync($"/flights/{flightId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Affrété");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{web.BaseUrl}/flights/{flightId}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Booked");

        await page.GotoAsync("/schedule");
        await Expect(page.GetByRole(AriaRole.Navigation)).ToContainTextAsync("Schedule");
        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr-FR");
    }
}
