using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// A flight of several stops on the pages: planned stop by stop in the planner's language and zone, its route changed
/// before departure, and recorded stop by stop once it has left. Refusals of the route are shown where they were made.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoutePagesTests(BrowserFixture web)
{
    [Theory]
    [InlineData(State.UK)]
    [InlineData(State.FR)]
    public async Task A_planner_plans_a_flight_stop_by_stop_in_their_language_and_zone_and_a_refused_route_says_why(State lead)
    {
        var french = lead == State.FR;
        string Say(string english, string inFrench) => french ? inFrench : english;
        var other = french ? State.UK : State.FR;
        var (from, pickUp) = french ? ("CDG", "STN") : ("STN", "LIL");
        var departure = WebScenarios.Departure(days: french ? 52 : 51);
        DateTimeOffset[] times = [departure, departure.AddHours(1.5), departure.AddHours(5)];
        var page = await web.SignedIn(Role.Planner, lead, Say("Ursula Planner", "Camille Planificatrice"), language: null);
        var plan = page.GetByRole(AriaRole.Form, new() { Name = Say("Plan flight", "Planifier le vol") });
        ILocator Stop(int place) => plan.GetByRole(AriaRole.Group, new() { Name = Say($"Stop {place}", $"Escale {place}"), Exact = true });
        var (airport, time, kind) = (Say("Airport", "Aéroport"), Say("Scheduled time (London)", "Heure prévue (Paris)"), Say("Kind of stop", "Type d'escale"));

        await plan.GetByLabel(Say("Departure airport", "Aéroport de départ")).FillAsync(from);
        await plan.GetByLabel(Say("Scheduled departure (London)", "Départ prévu (Paris)")).FillAsync(Typed(times[0], french));
        // Stop 2 is there to start with. Two more are added (focus goes to each new one) and the first of them removed:
        // the last becomes stop 3.
        var addStop = plan.GetByRole(AriaRole.Button, new() { Name = Say("Add a stop", "Ajouter une escale") });
        await addStop.ClickAsync();
        await Expect(Stop(3).GetByLabel(airport, new() { Exact = true })).ToBeFocusedAsync();
        await addStop.ClickAsync();
        await Stop(3).GetByRole(AriaRole.Button, new() { Name = Say("Remove stop 3", "Retirer l'escale 3") }).ClickAsync();
        await Expect(Stop(4)).ToHaveCountAsync(0);
        await Expect(addStop).ToBeFocusedAsync();

        // The pick-up boards the other state's people; choosing the kind shows the states and hides the country.
        await Stop(2).GetByLabel(airport, new() { Exact = true }).FillAsync(pickUp);
        await Stop(2).GetByLabel(time).FillAsync(Typed(times[1], french));
        await Stop(2).GetByLabel(kind).SelectOptionAsync(Say("Pick-up", "Prise en charge"));
        await Expect(Stop(2).GetByLabel(Say("Country of return", "Pays de retour"))).ToBeHiddenAsync();
        await Stop(2).GetByRole(AriaRole.Checkbox, new() { Name = other.ToString(), Exact = true }).CheckAsync();
        await Stop(3).GetByLabel(Say("Country of return", "Pays de retour")).FillAsync("AL");
        await Stop(3).GetByLabel(time).FillAsync(Typed(times[1].AddMinutes(-30), french));

        // A stop's own field the API cannot take is marked where it was typed (stop 3, once the fourth, renumbered)…
        await Stop(3).GetByLabel(airport, new() { Exact = true }).FillAsync("TI");
        await plan.GetByRole(AriaRole.Button, new() { Name = Say("Plan flight", "Planifier le vol") }).ClickAsync();
        await Expect(Stop(3).GetByLabel(airport, new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Stop(3).Locator(".field-error").First).ToHaveTextAsync(Say(
            "Airport must be an IATA code of three capital letters, e.g. LIL.", "L'aéroport doit être un code IATA de trois majuscules, par exemple LIL."));

        // …and a route the API refuses, landing at TIA before the pick-up, says why in the planner's language; what
        // was typed stays.
        await Stop(3).GetByLabel(airport, new() { Exact = true }).FillAsync("TIA");
        await plan.GetByRole(AriaRole.Button, new() { Name = Say("Plan flight", "Planifier le vol") }).ClickAsync();
        await Expect(plan.GetByRole(AriaRole.Alert)).ToContainTextAsync(Say(
            "Stop 3 (TIA) is scheduled no later than the stop before it",
            "L'escale 3 (TIA) est prévue au plus tard à l'heure de l'escale précédente"));
        await Expect(Stop(2).GetByLabel(airport, new() { Exact = true })).ToHaveValueAsync(pickUp);
        await page.AssertAccessible();
        await page.Screenshot($"plan-stops-{lead}-1280");

        await Stop(3).GetByLabel(time).FillAsync(Typed(times[2], french));
        await plan.GetByRole(AriaRole.Button, new() { Name = Say("Plan flight", "Planifier le vol") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/flights/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(Say("Flight planned.", "Vol planifié."));

        // The route, each stop at its time in the planner's zone; the states taking part are those boarding somewhere.
        await Expect(page.Locator(".facts")).ToContainTextAsync($"{from} → {pickUp} → TIA (AL)");
        await Expect(page.Locator(".facts")).ToContainTextAsync("UK, FR");
        var stops = page.Locator("table.stops tbody tr");
        await Expect(stops).ToHaveCountAsync(3);
        await Expect(Cells(stops.Nth(0))).ToHaveTextAsync([$"1. {from}", Say("Departure", "Départ"), $"{lead}", "", ShownAt(times[0], from, french), "", "—", ""]);
        await Expect(Cells(stops.Nth(1))).ToHaveTextAsync([$"2. {pickUp}", Say("Pick-up", "Prise en charge"), $"{other}", "", ShownAt(times[1], pickUp, french), "—", "—", ""]);
        await Expect(Cells(stops.Nth(2))).ToHaveTextAsync(["3. TIA", Say("Drop-off", "Remise"), "", "AL", ShownAt(times[2], "TIA", french), "—", "", ""]);
        // Nobody on board yet, and no aircraft booked.
        var legs = page.Locator("table.legs tbody tr");
        await Expect(Cells(legs.Nth(0))).ToHaveTextAsync([$"{from} → {pickUp}", "0", "0", "0", "—"]);
        await Expect(Cells(legs.Nth(1))).ToHaveTextAsync([$"{pickUp} → TIA", "0", "0", "0", "—"]);

        if (french)
        {
            // Without the pick-up nobody would board the other state's people: refused, in French, on the page.
            var refused = page.GetByRole(AriaRole.Form, new() { Name = $"Retirer l'escale 2 ({pickUp})" });
            await refused.GetByLabel("Motif").FillAsync("Créneau refusé");
            await refused.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync(
                $"{other} participe au vol, mais aucune escale ne fait embarquer ses personnes");
            return;
        }

        // A drop-off added after TIA, removed again, and TIA re-timed: each with its reason.
        var add = page.GetByRole(AriaRole.Form, new() { Name = "Add a stop" });
        await add.GetByLabel("After stop").SelectOptionAsync("3. TIA");
        await add.GetByLabel("Airport", new() { Exact = true }).FillAsync("PRN");
        await add.GetByLabel("Scheduled time (London)").FillAsync(Typed(times[2].AddHours(2), french));
        await add.GetByLabel("Country of return").FillAsync("XK");
        await add.GetByLabel("Reason").FillAsync("Second destination agreed");
        await add.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Stop added.");
        await Expect(page.Locator(".facts")).ToContainTextAsync("STN → LIL → TIA (AL) → PRN (XK)");

        var remove = page.GetByRole(AriaRole.Form, new() { Name = "Remove stop 4 (PRN)" });
        await remove.GetByLabel("Reason").FillAsync("Second destination withdrawn");
        await remove.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Stop removed.");
        var retime = page.GetByRole(AriaRole.Form, new() { Name = "Re-time stop 3 (TIA)" });
        await retime.GetByLabel("New time (London)").FillAsync(Typed(times[2].AddHours(1), french));
        await retime.GetByLabel("Reason").FillAsync("Later slot at Tirana");
        await retime.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Stop re-timed.");
        await Expect(stops).ToHaveCountAsync(3);
        await Expect(stops.Nth(2).Locator("td").Nth(3)).ToHaveTextAsync(ShownAt(times[2].AddHours(1), "TIA", french));
        await page.Screenshot("route-planner-1280");
    }

    [Fact]
    public async Task A_flight_that_has_left_is_recorded_stop_by_stop_with_the_hand_over_at_its_drop_off()
    {
        var planner = Actors.UkPlanner;
        var departure = WebScenarios.Departure(days: 53);
        var planned = await web.Api(planner, "/api/flights", new
        {
            leadState = "UK",
            participatingStates = new[] { "UK", "FR" },
            stops = new object[]
            {
                new { airport = "STN", kind = "Departure", states = new[] { "UK" }, countryOfReturn = (string?)null, scheduled = departure },
                new { airport = "LIL", kind = "PickUp", states = new[] { "FR" }, countryOfReturn = (string?)null, scheduled = departure.AddHours(1) },
                new { airport = "TIA", kind = "DropOff", states = Array.Empty<string>(), countryOfReturn = (string?)"AL", scheduled = departure.AddHours(4) },
            },
        }, HttpStatusCode.Created);
        var id = planned.GetProperty("id").GetGuid();
        await web.Api(planner, $"/api/flights/{id}/charter", Api.Charter());
        await web.Api(planner, $"/api/flights/{id}/seat-allocation", new { allocations = new[] { new { state = "UK", seats = 10 } } });
        var (caseId, reference) = await web.UkCase();
        await web.Api(planner, $"/api/flights/{id}/manifest", new { caseId, status = "Confirmed" });
        await web.Api(planner, $"/api/flights/{id}/manifest/lock", new { });
        var now = DateTimeOffset.UtcNow;
        var left = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-90);
        await web.Api(planner, $"/api/flights/{id}/departure", new
        {
            actualDeparture = left,
            returneesOnBoard = new[] { new { state = "UK", returnees = 1 }, new { state = "FR", returnees = 0 } },
        });

        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner");
        await page.GotoAsync($"/flights/{id}");
        var line = page.Locator("table.manifest tbody tr").Filter(new() { HasText = reference });
        await Expect(line.Locator("td").Nth(4)).ToHaveTextAsync("STN");
        await Expect(line.Locator("td").Nth(5)).ToHaveTextAsync("TIA");
        // The one-drop-off completion would skip the stops: they are recorded one by one.
        await page.Submit("Record landing", "Landed at a stop.", ("Actual arrival (London)", Typed(left.AddMinutes(30), false)));
        await page.Submit("Record leaving", "Left a stop.", ("Actual departure (London)", Typed(left.AddMinutes(60), false)));
        await page.Submit("Record landing", "Landed at a stop.", ("Actual arrival (London)", Typed(left.AddMinutes(80), false)));
        await page.AssertAccessible();
        await page.Submit("Record hand-over", "Hand-over recorded at a drop-off.", ("UK returnees handed over", "1"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Completed");
        var stops = page.Locator("table.stops tbody tr");
        await Expect(Cells(stops.Nth(0))).ToHaveTextAsync(["1. STN", "Departure", "UK", "", ShownAt(departure, "STN", false), "", Shown(left, false), ""]);
        await Expect(Cells(stops.Nth(1))).ToHaveTextAsync(["2. LIL", "Pick-up", "FR", "", ShownAt(departure.AddHours(1), "LIL", false),
            Shown(left.AddMinutes(30), false), Shown(left.AddMinutes(60), false), ""]);
        await Expect(Cells(stops.Nth(2))).ToHaveTextAsync(["3. TIA", "Drop-off", "", "AL", ShownAt(departure.AddHours(4), "TIA", false),
            Shown(left.AddMinutes(80), false), "", "1 handed over, 0 refused admission"]);
    }

    private static ILocator Cells(ILocator row) => row.Locator("th, td");

    /// <summary>What the planner types for an instant: the wall-clock time in their zone.</summary>
    private static string Typed(DateTimeOffset t, bool french) =>
        TimeZoneInfo.ConvertTime(t, french ? ReaderZones.Paris : ReaderZones.London).ToString("yyyy-MM-dd'T'HH:mm");

    /// <summary>How the pages show an instant to the planner: in their language and zone.</summary>
    private static string Shown(DateTimeOffset t, bool french)
    {
        using (Reader.As(CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB"), french ? ReaderZones.Paris : ReaderZones.London))
        {
            return Show.Time(t);
        }
    }

    /// <summary>A stop's scheduled time: in the reader's zone, then at the airport.</summary>
    private static string ShownAt(DateTimeOffset t, string airport, bool french)
    {
        using (Reader.As(CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-GB"), french ? ReaderZones.Paris : ReaderZones.London))
        {
            return Show.Time(t) + Show.AtAirport(t, airport);
        }
    }
}
