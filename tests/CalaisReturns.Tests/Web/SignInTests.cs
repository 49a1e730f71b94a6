using System.Text.Json;
using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture web)
{
    [Fact]
    public async Task Signing_in_and_working_a_form_needs_only_the_keyboard()
    {
        var page = await web.NewPage();
        await page.GotoAsync("/signin");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("name", "Name");
        await page.Keyboard.TypeAsync("Kim Keyboard");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Planner");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("FR");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        // The skip link's #main rides along through the sign-in redirect.
        await Expect(page).ToHaveURLAsync(new Regex("/schedule(#main)?$"));
        // A French planner gets French pages unless they switch.
        await Expect(page.Locator(".who")).ToContainTextAsync("Kim Keyboard · Planificateur · FR");

        // A refused plan sent with Enter: the message is announced (in French) and focus goes to the field to correct.
        var plan = page.GetByRole(AriaRole.Form, new() { Name = "Planifier le vol" });
        await plan.GetByLabel("Aéroport de départ").FocusAsync();
        await page.Keyboard.TypeAsync("CDG");
        await page.Keyboard.PressAsync("Enter");
        await Expect(plan.GetByRole(AriaRole.Alert)).ToContainTextAsync("Veuillez corriger");
        await Expect(page.Locator(":focus")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(plan.GetByLabel("Aéroport de départ")).ToHaveValueAsync("CDG");
    }

    [Fact]
    public async Task A_blank_name_at_sign_in_is_a_message_on_the_field_in_the_browsers_language()
    {
        var page = await web.NewPage(language: "fr-FR");
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Saisissez votre nom (2 à 80 caractères).");
        await Expect(page.GetByLabel("Nom")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task A_change_made_with_the_sign_in_cookie_needs_the_pages_anti_forgery_token()
    {
        var page = await web.SignedIn(Role.Planner, State.UK, "Carla Cookie");
        await page.GotoAsync("/schedule");
        var before = await page.Context.APIRequest.PostAsync("/api/flights", new() { DataObject = new { leadState = "UK" } });
        Assert.Equal(400, before.Status);
        var problem = JsonDocument.Parse(await before.TextAsync()).RootElement;
        Assert.Equal("Missing anti-forgery token", problem.GetProperty("title").GetString());

        var token = await page.Locator("meta[name=csrf-token]").GetAttributeAsync("content");
        var withToken = await page.Context.APIRequest.PostAsync("/api/flights", new()
        {
            DataObject = new { leadState = "UK" },
            Headers = new Dictionary<string, string> { ["X-CSRF-Token"] = token! },
        });
        // Past the forgery check, the API itself answers: the plan is incomplete.
        Assert.Equal(400, withToken.Status);
        Assert.NotEqual("Missing anti-forgery token",
            JsonDocument.Parse(await withToken.TextAsync()).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pages_allow_scripts_and_styles_from_this_site_only_and_cannot_be_framed()
    {
        var page = await web.NewPage();
        var response = await page.GotoAsync("/signin");
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        // The busiest page (chart, tables, forms) breaks no part of the policy.
        var violations = new List<string>();
        var finance = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        finance.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy"))
            {
                violations.Add(message.Text);
            }
        };
        await finance.GotoAsync("/finance/report?period=" + DateTime.UtcNow.Year);
        await Expect(finance.Locator("h1")).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var page = await web.NewPage();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Name").FillAsync("Sam Signout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/schedule$"));
        // Someone copies the cookie before the person signs out.
        var copied = await page.Context.StorageStateAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await page.GotoAsync("/schedule");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl="));

        var thief = await (await page.Context.Browser!.NewContextAsync(new() { BaseURL = web.BaseUrl, StorageState = copied })).NewPageAsync();
        await thief.GotoAsync("/schedule");
        await Expect(thief).ToHaveURLAsync(new Regex("/signin\\?ReturnUrl="));
        var api = await thief.APIRequest.GetAsync("/api/schedule");
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task The_sign_in_page_never_sends_anyone_to_another_site()
    {
        var page = await web.NewPage();
        await page.GotoAsync("/signin?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        await page.GetByLabel("Name").FillAsync("Rita Redirect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(web.BaseUrl)}/"));
    }
}
