using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// A planner and a finance officer with the same flight open in their own browsers: what one does
/// in between never makes the other's page stale unless it bears on the other's decision.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoDepartmentsPagesTests(BrowserFixture web)
{
    [Fact]
    public async Task A_planner_page_opened_before_finance_recorded_a_cost_and_agreed_a_split_still_acts_without_a_reload()
    {
        var flightId = await web.BookedFlight();
        var planner = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await planner.GotoAsync($"/flights/{flightId}");

        var finance = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        await finance.GotoAsync($"/finance/flights/{flightId}");
        await RecordCost(finance, "Charter invoice", "1000.00");
        await web.AgreedSplit(flightId);

        var monitor = planner.GetByRole(AriaRole.Form, new() { Name = "Monitor" });
        await monitor.GetByLabel("Monitoring organisation").FillAsync("Independent Monitoring Boards");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Assign monitor" }).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Monitor assigned.");
        await Expect(planner.Locator(".facts")).ToContainTextAsync("Independent Monitoring Boards");
    }

    [Fact]
    public async Task A_French_officer_records_a_cost_in_French_on_Paris_time_while_a_UK_planner_page_stays_usable()
    {
        var flightId = await web.BookedFlight();
        var planner = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await planner.GotoAsync($"/flights/{flightId}");

        var french = await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances", language: null);
        await french.GotoAsync($"/finance/flights/{flightId}");
        var departure = WebScenarios.Departure();
        var paris = TimeZoneInfo.ConvertTime(departure, CalaisReturns.Core.Http.ReaderZones.Paris);
        await Expect(french.Locator("p.links")).ToContainTextAsync($"{paris:HH:mm} Paris");
        var cost = french.GetByRole(AriaRole.Form, new() { Name = "Enregistrer un coût payé par FR" });
        await cost.GetByLabel("Catégorie").SelectOptionAsync("Accommodation");
        await cost.GetByLabel("Description").FillAsync("Hôtel");
        await cost.GetByLabel("Montant").FillAsync("1 250,50");
        await cost.GetByLabel("Devise").SelectOptionAsync("EUR");
        await cost.GetByLabel("Référence de la facture").FillAsync("HOTEL-FR-1");
        await cost.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le coût" }).ClickAsync();
        await Expect(french.GetByRole(AriaRole.Status)).ToHaveTextAsync("Coût enregistré.");

        var monitor = planner.GetByRole(AriaRole.Form, new() { Name = "Monitor" });
        await monitor.GetByLabel("Monitoring organisation").FillAsync("Independent Monitoring Boards");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Assign monitor" }).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Monitor assigned.");
    }

    [Fact]
    public async Task A_finance_page_survives_a_reschedule_but_asks_for_a_reload_after_a_new_seat_allocation()
    {
        var flightId = await web.BookedFlight();
        var finance = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance");
        await finance.GotoAsync($"/finance/flights/{flightId}");

        var planner = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await planner.GotoAsync($"/flights/{flightId}");
        var reschedule = planner.GetByRole(AriaRole.Form, new() { Name = "Reschedule" });
        await reschedule.GetByLabel("New departure (London)").FillAsync(PlannerPagesTests.Show(WebScenarios.Departure(days: 44)));
        await reschedule.GetByLabel("Reason").FillAsync("Slot moved");
        await reschedule.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Flight rescheduled.");

        await RecordCost(finance, "Charter invoice", "1000.00");

        // Seats decide a per-seat split: the officer is told to look again, and what was typed stays.
        await web.Api(Actors.UkPlanner, $"/api/flights/{flightId}/seat-allocation", new
        {
            allocations = new[] { new { state = "UK", seats = 12 }, new { state = "FR", seats = 8 } },
        });
        var form = finance.GetByRole(AriaRole.Form, new() { Name = "Record a cost paid by UK" });
        await Fill(form, "Handling", "250.00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record cost" }).ClickAsync();
        await Expect(form.Locator(".form-problem")).ToContainTextAsync("Reload and decide again");
        await Expect(form.GetByLabel("Description")).ToHaveValueAsync("Handling");
    }

    private static async Task RecordCost(IPage page, string description, string amount)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a cost paid by UK" });
        await Fill(form, description, amount);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record cost" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cost recorded.");
    }

    private static async Task Fill(ILocator form, string description, string amount)
    {
        await form.GetByLabel("Category").SelectOptionAsync("GroundHandling");
        await form.GetByLabel("Description").FillAsync(description);
        await form.GetByLabel("Amount").FillAsync(amount);
        await form.GetByLabel("Currency").SelectOptionAsync("GBP");
        await form.GetByLabel("Invoice reference").FillAsync("INV-" + Guid.NewGuid().ToString("N")[..6]);
    }
}
