using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>A person asks for their notifications by e-mail from any page's header, changes them, and stops them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailNotificationsPagesTests(BrowserFixture web)
{
    [Fact]
    public async Task A_French_planner_asks_for_emails_in_French_is_told_of_a_wrong_address_and_then_stops_them()
    {
        var page = await web.SignedIn(Role.Planner, State.FR, "Françoise Planificatrice", language: null);
        await page.GotoAsync("/schedule");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications par courriel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications par courriel");
        await Expect(page.Locator("main")).ToContainTextAsync("la date limite de préavis");

        var form = page.GetByRole(AriaRole.Form, new() { Name = "M\u2019envoyer des courriels" });
        await Expect(form.GetByLabel("Langue")).ToHaveValueAsync("fr");
        await Expect(form.GetByLabel("Fuseau horaire")).ToHaveValueAsync("Europe/Paris");
        await form.GetByLabel("Adresse électronique").FillAsync("Françoise <f@interieur.gouv.fr>");
        await form.GetByRole(AriaRole.Button, new() { Name = "M\u2019envoyer des courriels" }).ClickAsync();
        await Expect(form.Locator(".field-error").First).ToContainTextAsync("Saisissez une seule adresse électronique");

        var address = MailCatcher.Address("francoise");
        await form.GetByLabel("Adresse électronique").FillAsync(address);
        await form.GetByRole(AriaRole.Button, new() { Name = "M\u2019envoyer des courriels" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Vos notifications par courriel sont enregistrées.");
        await Expect(page.GetByTestId("subscription")).ToHaveTextAsync(
            $"Les courriels sont envoyés à {address}, en français, avec les heures de Paris.");

        var stop = page.GetByRole(AriaRole.Form, new() { Name = "Arrêter les courriels" });
        await stop.GetByRole(AriaRole.Button, new() { Name = "Arrêter les courriels" }).ClickAsync();
        await Expect(stop.Locator(".form-problem")).ToBeVisibleAsync();
        await stop.GetByLabel("Je ne veux plus de courriels ; supprimez mon adresse.").CheckAsync();
        await stop.GetByRole(AriaRole.Button, new() { Name = "Arrêter les courriels" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Plus aucun courriel ne vous sera envoyé ; votre adresse est supprimée.");
        await Expect(page.GetByTestId("subscription")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "M\u2019envoyer des courriels" })).ToBeVisibleAsync();
    }
}
