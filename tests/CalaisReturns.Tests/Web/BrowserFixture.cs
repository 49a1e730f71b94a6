using System.Net;
using System.Text.Json;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Core.Http;
using Microsoft.Playwright;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// The application as people meet it: its own process on a real port (its content root, its pages
/// and static files), in a schema of its own, driven by Debian's Chromium through Playwright.
/// Data the tests only need to exist is made through the HTTP API with bearer tokens.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Role, State, string), string> _signedIn = new();
    private IPlaywright? _playwright;

    // The demo flights and cases give the pages under test something to show, as ops/run does.
    public RunningApp App { get; } = new("w_" + Guid.NewGuid().ToString("N")[..10],
        new Dictionary<string, string> { ["Demo__Seed"] = "true" });

    public string BaseUrl => App.BaseUrl;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of the main pages go with the test results (ops/test: TestResults/screenshots).</summary>
    public static string Screenshots { get; } = Path.Combine(RunningApp.RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: ops/test installs Debian's chromium package.");
        }

        // Generous waits: on a busy 2-core CI machine a first call may compile its handler chain.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Running as root in CI: Chromium's sandbox needs user namespaces it may not have.
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser context (its own cookies) at a given window width.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900, string? language = null)
    {
        var context = await Browser.NewContextAsync(Options(width, null, height, language ?? "en-GB"));
        context.SetDefaultTimeout(30_000);
        await Speak(context, language);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in on the development sign-in page, once per person; each call gives a new browser carrying the
    /// cookies of that sign-in, as a returning browser would. The pages are in the language given (the choice a
    /// person makes with the switch on every page), English unless told; null leaves the default of the person's
    /// state. The browser itself speaks the person's language (its date and time inputs are written as theirs).
    /// </summary>
    /// <param name="path">The page it opens first: the start page unless told.</param>
    public async Task<IPage> SignedIn(Role role, State state, string name, int width = 1280, string? language = "en-GB",
        string path = "/")
    {
        if (!_signedIn.TryGetValue((role, state, name), out var storage))
        {
            storage = _signedIn[(role, state, name)] = await SignIn(role, state, name);
        }

        var context = await Browser.NewContextAsync(Options(width, storage, locale: language ?? Languages.Of(state).Name));
        context.SetDefaultTimeout(30_000);
        await Speak(context, language);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    private async Task<string> SignIn(Role role, State state, string name)
    {
        var page = await NewPage();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Role").SelectOptionAsync(role.ToString());
        await page.GetByLabel("State").SelectOptionAsync(state.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // Polls the address rather than waiting for a navigation's load event, which a redirect that has
            // already landed by the time the wait starts never fires again (seen under loaded full runs).
            await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        }
        catch (PlaywrightException e)
        {
            await page.Screenshot($"failed-signin-{role}-{state}");
            throw new TimeoutException($"Sign-in as {name} stayed on {page.Url}: {await page.Locator("main").InnerTextAsync()}", e);
        }

        var storage = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return storage;
    }

    private async Task Speak(IBrowserContext context, string? language)
    {
        await context.ClearCookiesAsync(new() { Name = Languages.Cookie });
        if (language is not null)
        {
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = Languages.Cookie, Value = language, Url = BaseUrl }]);
        }
    }

    /// <summary>Calls the API with a development bearer token for the actor; returns the JSON answer.</summary>
    public Task<JsonElement> Api(Actor actor, string url, object body, HttpStatusCode expect = HttpStatusCode.OK) =>
        App.Post(actor, url, body, expect);

    public Task<JsonElement> Get(Actor actor, string url) => App.Get(actor, url);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    private BrowserNewContextOptions Options(int width, string? storageState, int height = 900, string locale = "en-GB") => new()
    {
        BaseURL = BaseUrl,
        ViewportSize = new ViewportSize { Width = width, Height = height },
        AcceptDownloads = true,
        Locale = locale,
        TimezoneId = "UTC",
        StorageState = storageState,
    };
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
