using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>Every form of the flight and case pages, used once, sends what its API command expects.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FlightFormsTests(BrowserFixture web)
{
    [Fact]
    public async Task A_flight_is_staffed_rescheduled_manifested_locked_flown_and_completed_from_its_page()
    {
        var flightId = await web.BookedFlight();
        var (reserve, reserveRef) = await web.UkCase();
        var (confirmed, confirmedRef) = await web.UkCase();
        await web.Api(Actors.UkPlanner, $"/api/flights/{flightId}/manifest", new { caseId = reserve, status = "Reserve" });
        await web.Api(Actors.UkPlanner, $"/api/flights/{flightId}/manifest", new { caseId = confirmed, status = "Confirmed" });
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await page.GotoAsync($"/flights/{flightId}");

        await page.Submit("Save escort team", "Escort team saved.", ("Escorts", "4"), ("Medics", "1"), ("Interpreters", "1"));
        await page.Submit("Assign monitor", "Monitor assigned.", ("Monitoring organisation", "Independent Monitoring Board"));
        await page.Submit("Reschedule", "Flight rescheduled.",
            ("New departure (London)", PlannerPagesTests.Show(WebScenarios.Departure(days: 41))), ("Reason", "Aircraft swap"));
        await Expect(page.Locator(".facts")).ToContainTextAsync(WebScenarios.Departure(days: 41).ToString("d MMM yyyy"));

        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirm {reserveRef}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Reserve confirmed.");
        var withdraw = page.GetByRole(AriaRole.Form, new() { Name = $"Withdraw {confirmedRef}" });
        // No reason is chosen for the planner.
        await Expect(withdraw.GetByLabel("Reason")).ToHaveValueAsync("");
        await withdraw.GetByLabel("Reason").SelectOptionAsync("Medical");
        await withdraw.GetByLabel($"Yes, withdraw {confirmedRef} from the manifest").CheckAsync();
        await withdraw.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Returnee withdrawn.");
        await Expect(page.Locator("table.manifest")).ToContainTextAsync("Withdrawn (Medical)");

        await page.Submit("Lock manifest", "Manifest locked.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Manifest locked");

        // The form offers the scheduled time; a departure in the future is refused next to the field.
        var departure = page.GetByRole(AriaRole.Form, new() { Name = "Record the departure" });
        await departure.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(departure.Locator("#departure-actualDeparture-error")).Not.ToBeEmptyAsync();
        await page.Submit("Record departure", "Departure recorded.",
            ("Actual departure (London)", PlannerPagesTests.Show(DateTimeOffset.UtcNow.AddMinutes(-1))));
        await page.Submit("Record completion", "Completion recorded.", ("UK returnees handed over", "1"), ("FR returnees handed over", "0"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Completed");
        foreach (var happened in new[] { "Escort team assigned", "Monitor assigned", "Flight rescheduled", "Reserve confirmed",
                     "Returnee withdrawn", "Manifest locked", "Flight departed", "Flight completed" })
        {
            await Expect(page.Locator(".timeline")).ToContainTextAsync(happened);
        }
    }

    [Fact]
    public async Task A_flight_is_cancelled_from_its_page_with_a_reason()
    {
        var flightId = await web.BookedFlight();
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await page.GotoAsync($"/flights/{flightId}");
        var cancel = page.GetByRole(AriaRole.Form, new() { Name = "Cancel the flight" });
        await cancel.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(cancel.Locator("#cancel-reason-error")).ToHaveTextAsync("Enter reason.");
        // With a reason but not confirmed: nothing is sent, and the page says what is missing.
        await cancel.GetByLabel("Reason").FillAsync("Destination airport closed");
        await cancel.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(cancel.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tick the box to confirm first.");
        await Expect(cancel.GetByLabel($"Yes, cancel flight")).ToBeFocusedAsync();
        await page.Submit("Cancel flight", "Flight cancelled.", ("Reason", "Destination airport closed"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Cancelled");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Destination airport closed");
        await Expect(page.Locator("form[data-api]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_case_gets_a_barrier_raised_and_lifted_is_closed_and_its_personal_data_erased_from_its_page()
    {
        var name = "Erin Erasable " + Guid.NewGuid().ToString("N")[..6];
        var (caseId, _) = await web.UkCase(name);
        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await page.GotoAsync($"/cases/{caseId}");
        await Expect(page.Locator(".facts")).ToContainTextAsync(name);

        var raise = page.GetByRole(AriaRole.Form, new() { Name = "Raise a barrier" });
        await raise.GetByLabel("Kind").SelectOptionAsync("JudicialReview");
        await raise.GetByLabel("Reference").FillAsync("JR/2026/77");
        await raise.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Barrier raised.");
        await Expect(page.Locator("#barriers-heading + ul")).ToContainTextAsync("Judicial review (JR/2026/77)");

        await page.Submit("Lift barrier", "Barrier lifted.", ("Reason", "Permission refused"));
        await Expect(page.Locator("#barriers-heading ~ p")).ToHaveTextAsync("No open barriers.");
        var close = page.GetByRole(AriaRole.Form, new() { Name = "Close the case" });
        await close.GetByLabel("Reason").SelectOptionAsync("Released");
        await close.Locator("[data-confirm]").CheckAsync();
        await close.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Case closed.");
        await page.Submit("Erase name and date of birth", "Personal data erased.");
        await page.ReloadUntil(() => page.Locator(".facts").InnerTextAsync(new() { Timeout = 1000 }), text => text.Contains("Erased"));
        await Expect(page.Locator("body")).Not.ToContainTextAsync(name);
    }
}
