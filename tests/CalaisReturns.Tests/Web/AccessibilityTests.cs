using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// Every main page, as the role that uses it, on the demo data: no serious or critical axe
/// violation, no sideways scrolling of the page on a phone-sized screen, and a screenshot of each.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture web)
{
    private const string DemoFlight = "0193a1c0-0000-7000-8000-000000000001";
    private const string DemoCase = "0193a1c0-0000-7000-9000-000000000001";

    public static TheoryData<string, Role?, string> MainPages() => new()
    {
        { "sign-in", null, "/signin" },
        { "schedule", Role.Planner, "/schedule" },
        { "flight", Role.Planner, $"/flights/{DemoFlight}" },
        { "cases", Role.Planner, "/cases" },
        { "case", Role.Planner, $"/cases/{DemoCase}" },
        { "cost-shares", Role.Finance, "/finance" },
        { "cost-share", Role.Finance, $"/finance/flights/{DemoFlight}" },
        { "period-report", Role.Finance, "/finance/report?period=" + DemoMonth },
        { "budgets", Role.Finance, "/finance/budgets" },
        { "grants", Role.Finance, "/finance/grants" },
        { "audit", Role.Auditor, "/audit?Verify=true" },
        { "audit-flight", Role.Auditor, $"/audit/flights/{DemoFlight}" },
        { "audit-case", Role.Auditor, $"/audit/cases/{DemoCase}" },
        { "statistics", Role.Auditor, "/statistics" },
        { "denied", Role.Planner, "/audit" },
        { "not-found", Role.Planner, "/flights/0193a1c0-0000-7000-8000-0000000000ff" },
        { "email-notifications", Role.Finance, "/notifications" },
    };

    /// <summary>The first demo flight departs twelve days after the demo data is seeded.</summary>
    private static string DemoMonth => DateTimeOffset.UtcNow.AddDays(12).ToString("yyyy-MM");

    public static TheoryData<string, Role?, string, string> MainPagesInBothLanguages()
    {
        var pages = new TheoryData<string, Role?, string, string>();
        foreach (var language in new[] { "en-GB", "fr-FR" })
        {
            foreach (var row in MainPages())
            {
                pages.Add((string)row[0], (Role?)row[1], (string)row[2], language);
            }
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(MainPagesInBothLanguages))]
    public async Task The_page_has_no_serious_accessibility_violation_and_fits_a_narrow_screen(string name, Role? role,
        string path, string language)
    {
        IPage page;
        if (role is { } r)
        {
            page = await web.SignedIn(r, State.UK, "Pat Example", language: language, path: path);
        }
        else
        {
            page = await web.NewPage(language: language);
            await page.GotoAsync(path);
        }

        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await page.AssertAccessible();
        var suffix = language == "en-GB" ? "" : "-fr";
        await page.Screenshot($"{name}{suffix}-1280");
        if (language == "fr-FR")
        {
            Untranslated.AssertNone(path, await page.Locator("body").InnerTextAsync());
        }

        // The same page on a phone-sized screen: tables scroll inside their own regions, the page does not.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 390px screen");
        // References and amounts stay whole: each lies on one line.
        var broken = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('td.num, table a')].filter(el => {
              const lines = new Set(), texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let text; (text = texts.nextNode());) {
                const range = document.createRange(); range.selectNodeContents(text);
                [...range.getClientRects()].filter(r => r.width > 0).forEach(r => lines.add(Math.round(r.top)));
              }
              return lines.size > 1;
            }).map(el => el.textContent.trim())
            """);
        Assert.True(broken.Length == 0, $"{path} breaks over two lines: {string.Join(", ", broken)}");
        // Tables are read as cards, each value beside its column's name: nothing is left to scroll sideways but
        // the chart, which keeps its size so that its axis stays legible.
        var scrolling = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('.table-wrap:not(.chart-wrap)')].filter(w => w.scrollWidth > w.clientWidth + 1)
              .map(w => w.getAttribute('aria-labelledby') || w.getAttribute('aria-label'))
            """);
        Assert.True(scrolling.Length == 0, $"{path} scrolls sideways on a phone: {string.Join(", ", scrolling)}");
        var unlabelled = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('table.cards tbody td, table.cards tbody th')].filter(c => !c.dataset.label).length");
        Assert.Equal(0, unlabelled);
        await page.Screenshot($"{name}{suffix}-390");
    }

    [Fact]
    public async Task The_check_itself_names_a_serious_violation_and_passes_once_it_is_mended()
    {
        var page = await web.NewPage();
        await page.GotoAsync("/signin");
        await page.AssertAccessible();
        // A button with no name and a form field with no label: what a screen reader user could not use.
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button id=\"x\"></button><input id=\"y\">')");
        var failure = await Assert.ThrowsAnyAsync<Exception>(page.AssertAccessible);
        Assert.Contains("button-name (critical)", failure.Message);
        Assert.Contains("label (critical)", failure.Message);
        await page.EvaluateAsync("() => { document.getElementById('x').textContent = 'Go'; document.getElementById('y').setAttribute('aria-label', 'Search'); }");
        await page.AssertAccessible();
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task On_a_1366_pixel_screen_every_column_of_the_seats_table_is_visible(string language)
    {
        var page = await web.SignedIn(Role.Planner, State.FR, "Camille Exemple", language: language);
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"/flights/{DemoFlight}");
        var seats = page.Locator("section[aria-labelledby='states-heading'] table");
        await Expect(seats).ToBeVisibleAsync();
        var hidden = await seats.EvaluateAsync<string[]>("""
            table => { const wrap = table.closest('.table-wrap').getBoundingClientRect();
              return [...table.querySelectorAll('thead th')].filter(th => th.getBoundingClientRect().right > wrap.right + 1)
                .map(th => th.textContent); }
            """);
        Assert.True(hidden.Length == 0, $"Columns cut off at 1366 px: {string.Join(", ", hidden)}");
        await page.Screenshot($"seats{(language == "en-GB" ? "" : "-fr")}-1366");
    }
}
