using System.Net;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>Data the browser tests start from, made through the API as scripts would make it.</summary>
internal static class WebScenarios
{
    public static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    public static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    public static DateTimeOffset Departure(int days = 40) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(days).AddHours(6);

    /// <summary>A UK-led UK/FR flight, booked, with seats for both states.</summary>
    public static async Task<Guid> BookedFlight(this BrowserFixture web, DateTimeOffset? departure = null)
    {
        var planned = await web.Api(Actors.UkPlanner, "/api/flights", Api.Plan(departure: departure ?? Departure()), HttpStatusCode.Created);
        var id = planned.GetProperty("id").GetGuid();
        await web.Api(Actors.UkPlanner, $"/api/flights/{id}/charter", Api.Charter());
        await web.Api(Actors.UkPlanner, $"/api/flights/{id}/seat-allocation", new
        {
            allocations = new[] { new { state = "UK", seats = 10 }, new { state = "FR", seats = 10 } },
        });
        return id;
    }

    /// <summary>A UK case with a passport, ready for a manifest.</summary>
    public static Task<(Guid Id, string Reference)> UkCase(this BrowserFixture web, string name = "Test Person") =>
        web.Case(State.UK, name);

    /// <summary>A case of the state's planners with a passport, ready for a manifest.</summary>
    public static async Task<(Guid Id, string Reference)> Case(this BrowserFixture web, State state, string name = "Test Person")
    {
        var planner = Actors.PlannerOf(state);
        var reference = $"{state}-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var opened = await web.Api(planner, "/api/cases",
            new { caseReference = reference, fullName = name, nationality = "AL", dateOfBirth = "1990-04-12" }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetGuid();
        await web.Api(planner, $"/api/cases/{id}/travel-document", new { kind = "Passport", expiry = "2031-01-31" });
        return (id, reference);
    }

    /// <summary>An agreed 60/40 split in pounds on the flight.</summary>
    public static async Task AgreedSplit(this BrowserFixture web, Guid flightId)
    {
        await web.Api(UkFinance, $"/api/flights/{flightId}/cost-split", new
        {
            basis = "FixedRatio",
            settlementCurrency = "GBP",
            ratios = new[] { new { state = "UK", percent = 60m }, new { state = "FR", percent = 40m } },
        });
        var share = await web.Get(FrFinance, $"/api/flights/{flightId}/cost-share");
        var proposalId = share.GetProperty("facts").GetProperty("proposal").GetProperty("proposalId").GetGuid();
        await web.Api(FrFinance, $"/api/flights/{flightId}/cost-split/agreement", new { proposalId });
    }

    /// <summary>Fills the fields of the form with this submit button, sends it and waits for the page to say it is done.</summary>
    public static async Task Submit(this IPage page, string button, string done, params (string Label, string Value)[] fields)
    {
        var form = page.Locator("form[data-api]").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }) });
        foreach (var (label, value) in fields)
        {
            await form.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        }

        // Changes that cannot be taken back ask to be confirmed: the person ticks that they mean it.
        foreach (var confirm in await form.Locator("[data-confirm]").AllAsync())
        {
            await confirm.CheckAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(done);
    }

    /// <summary>axe-core as the Deque binding ships it.</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var source = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core is not in Deque.AxeCore.Commons any more");
        return new StreamReader(source).ReadToEnd();
    });

    /// <summary>
    /// Runs axe on the page (WCAG 2.0–2.2 A and AA rules): no serious or critical violation may remain. axe-core is loaded
    /// once per page and asked for its violations only; the binding's own <c>RunAxe</c> loads it again on every call and
    /// returns every passing check as well, which took seconds per call (measured: 3.2 s against 0.4 s for the run itself).
    /// </summary>
    public static async Task AssertAccessible(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var serious = await page.EvaluateAsync<string[]>("""
            async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
              .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.html).join(', ')}`)
            """, new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa" });
        Assert.True(serious.Length == 0, $"{page.Url}:\n{string.Join("\n", serious)}");
    }

    /// <summary>Reloads the page until what it shows satisfies the condition (for asynchronous projections).</summary>
    public static async Task ReloadUntil(this IPage page, Func<Task<string>> read, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var text = await page.Locator("main").CountAsync() > 0 ? await ReadOrEmpty(read) : "";
            if (condition(text))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                await page.Screenshot("failed-" + new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-'));
                Assert.Fail($"{page.Url} never showed what was expected; last: {text}");
            }

            await Task.Delay(300);
            await page.ReloadAsync();
        }
    }

    private static async Task<string> ReadOrEmpty(Func<Task<string>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return "";
        }
    }

    /// <summary>
    /// A local time to the second as a seconds-precision time input takes it: Chromium writes a whole minute without
    /// its ":00", and Playwright's fill refuses a value the input does not keep as typed.
    /// </summary>
    public static string Typed(DateTimeOffset local) => local.ToString(local.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");

    public static Task Screenshot(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });
}
