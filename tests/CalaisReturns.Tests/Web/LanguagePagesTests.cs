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

    [Fact]
    public async Task A_French_finance_officer_types_amounts_and_rates_the_French_way()
    {
        var flightId = await web.BookedFlight();
        var page = await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances", language: null);
        await page.GotoAsync($"/finance/flights/{flightId}");

        var cost = page.GetByRole(AriaRole.Form, new() { Name = "Enregistrer un coût payé par FR" });
        await cost.GetByLabel("Catégorie").SelectOptionAsync("Accommodation");
        await cost.GetByLabel("Description").FillAsync("Hôtel des escortes");
        await cost.GetByLabel("Montant").FillAsync("12 300,50");
        await cost.GetByLabel("Devise").SelectOptionAsync("EUR");
        await cost.GetByLabel("Référence de la facture").FillAsync("HOTEL-1");
        await cost.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le coût" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Coût enregistré.");
        await Expect(page.Locator("table.lines")).ToContainTextAsync("12\u202F300,50\u202F€");

        var rate = page.GetByRole(AriaRole.Form, new() { Name = "Fixer le taux de change" });
        await rate.GetByLabel("Euros pour une livre").FillAsync("1,1650");
        await rate.GetByLabel("Date du taux").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await rate.GetByLabel("Source").FillAsync("BCE");
        await rate.GetByRole(AriaRole.Button, new() { Name = "Fixer le taux" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Taux de change fixé.");
        await Expect(page.Locator(".facts").First).ToContainTextAsync("1,1650 € pour 1 £");
    }

    [Fact]
    public async Task A_page_that_does_not_exist_answers_404_with_a_page_in_the_readers_language_and_the_API_keeps_problems()
    {
        var english = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        var missing = await english.GotoAsync($"/flights/{Guid.CreateVersion7()}");
        Assert.Equal(404, missing!.Status);
        await Expect(english.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(english.GetByRole(AriaRole.Navigation)).ToContainTextAsync("Schedule");

        var french = await web.SignedIn(Role.Planner, State.FR, "Françoise Planificatrice", language: null);
        var nowhere = await french.GotoAsync("/nowhere");
        Assert.Equal(404, nowhere!.Status);
        await Expect(french.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");

        var api = await french.Context.APIRequest.GetAsync($"/api/flights/{Guid.CreateVersion7()}");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);
    }
}
