using System.Globalization;
using System.Net;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// Accountability on board in the pages: a French escort leader records force used in flight, in French and Paris time,
/// with a refusal first; a UK planner names an officer whose certificate runs out before departure and is warned in
/// English; the roster and the accountability report pass the accessibility check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountabilityPagesTests(BrowserFixture web)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task A_French_escort_leader_records_force_used_in_flight_in_French_and_sees_its_duration_and_serious_report_due()
    {
        // A French-led flight with two French officers on its named team and a French returnee, left an hour ago.
        var minute = LastMinute();
        var planner = Actors.FrPlanner;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (escort, leader) = ($"FR-E{suffix}", $"FR-L{suffix}");
        var escortId = await Enrol(State.FR, escort, "Éloïse Marchetti");
        var leaderId = await Enrol(State.FR, leader, "Bastien Quéré");
        var (caseId, reference) = await web.Case(State.FR);
        var id = await DepartedFlight(State.FR, minute.AddMinutes(-60), async flight =>
        {
            await web.Api(planner, $"/api/flights/{flight}/officers", new { officerId = escortId, duty = "Escort" });
            await web.Api(planner, $"/api/flights/{flight}/officers", new { officerId = leaderId, duty = "Escort" });
            await web.Api(planner, $"/api/flights/{flight}/manifest", new { caseId, status = "Reserve" });
        });

        var page = await web.SignedIn(Role.EscortLeader, State.FR, "Jeanne Chef-d'escorte", language: "fr-FR", path: $"/flights/{id}");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Programme des vols"]);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Enregistrer un incident" });
        var occurred = minute.AddMinutes(-40);
        await form.GetByLabel("Heure de l’incident (Paris)").FillAsync(Typed(occurred));
        await form.GetByLabel("Phase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "En vol" });
        // Choosing the category asks for the force used.
        var force = form.GetByRole(AriaRole.Group, new() { Name = "Usage de la force" });
        await Expect(force).ToBeHiddenAsync();
        await form.GetByLabel("Catégorie").SelectOptionAsync(new SelectOptionValue { Label = "Usage de la force" });
        await Expect(force).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = $"{reference} (FR)" }).CheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = $"{escort} (FR, Escorte)" }).CheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = $"{leader} (FR, Escorte)" }).CheckAsync();
        await form.GetByLabel("Incident grave (rapport à transmettre sous 24 heures)").CheckAsync();
        const string narrative = "La personne a frappé une escorte ; maintenue à son siège, rang 31.";
        await form.GetByLabel("Déroulement des faits").FillAsync(narrative);
        await force.GetByLabel("Technique").SelectOptionAsync(new SelectOptionValue { Label = "Ceinture de contention" });
        await force.GetByLabel("Début de la force (Paris)").FillAsync(Typed(occurred.AddMinutes(2)));
        // The end typed before the start: refused on the field, in French, and nothing typed is lost.
        await force.GetByLabel("Fin de la force (Paris)").FillAsync(Typed(occurred.AddMinutes(1)));
        await force.GetByLabel("Autorisée par").SelectOptionAsync(new SelectOptionValue { Label = $"{leader} (FR)" });
        var record = form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’incident" });
        await record.ClickAsync();
        await Expect(force.GetByLabel("Fin de la force (Paris)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(force.Locator("#incident-useOfForce-endedAt-error")).ToHaveTextAsync("La force doit prendre fin après son début.");
        await Expect(form.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Veuillez corriger les champs signalés ci-dessous.");
        await Expect(form.GetByLabel("Déroulement des faits")).ToHaveValueAsync(narrative);
        await Expect(force.GetByLabel("Début de la force (Paris)")).ToHaveValueAsync(Typed(occurred.AddMinutes(2)));
        await page.AssertAccessible();
        await page.Screenshot("incident-form-fr-1280");

        await force.GetByLabel("Fin de la force (Paris)").FillAsync(Typed(occurred.AddMinutes(44)));
        await record.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Incident enregistré.");

        // Listed with the force's duration, the serious report's deadline and status, times in Paris, people by reference.
        var incident = page.Locator("article.incident");
        await Expect(incident).ToHaveCountAsync(1);
        await Expect(incident.Locator(":scope > h3")).ToHaveTextAsync($"Usage de la force · {Shown(occurred)}");
        await Expect(incident.Locator("dd.duration")).ToHaveTextAsync("42 minutes");
        await Expect(incident.Locator("dd.serious-report")).ToContainTextAsync("À transmettre");
        await Expect(incident.Locator("dd.serious-report")).ToContainTextAsync($"échéance le {Shown(occurred.AddHours(24))}");
        await Expect(incident).ToContainTextAsync($"Ceinture de contention, de {Shown(occurred.AddMinutes(2))} à {Shown(occurred.AddMinutes(44))}, sur autorisation de {leader}");
        await Expect(incident).ToContainTextAsync($"En vol · 1. CDG");
        await Expect(incident).ToContainTextAsync(reference);
        await Expect(incident).ToContainTextAsync($"{escort}, {leader}");
        await Expect(incident.Locator("dd.narrative")).ToHaveTextAsync(narrative);
        Assert.Contains("Paris", Shown(occurred));
        // Names stay on the roster: the flight page shows staff numbers only.
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Marchetti");
        // The serious report's form is there for the reporting state's crew.
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = $"Transmission du rapport d’incident grave du {Shown(occurred)}" })).ToBeVisibleAsync();
        Untranslated.AssertNone($"/flights/{id}", await page.Locator("body").InnerTextAsync());
        await page.Screenshot("incident-recorded-fr-1280");

        // Amended from the page: the report stated again, filled in as it stands, with the reason; never edited.
        await incident.Locator("details.amend > summary").ClickAsync();
        var amend = incident.GetByRole(AriaRole.Form, new() { Name = $"Modifier le rapport du {Shown(occurred)}" });
        await Expect(amend.GetByLabel("Déroulement des faits")).ToHaveValueAsync(narrative);
        await Expect(amend.GetByLabel("Fin de la force (Paris)")).ToHaveValueAsync(Typed(occurred.AddMinutes(44)));
        await Expect(amend.GetByRole(AriaRole.Checkbox, new() { Name = $"{leader} (FR, Escorte)" })).ToBeCheckedAsync();
        await amend.GetByLabel("Fin de la force (Paris)").FillAsync(Typed(occurred.AddMinutes(39)));
        await amend.GetByLabel("Motif de la modification").FillAsync("Heure de fin relevée sur le journal de bord");
        await amend.GetByRole(AriaRole.Button, new() { Name = "Modifier le rapport" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rapport d’incident modifié.");
        await Expect(page.Locator("article.incident dd.duration")).ToHaveTextAsync("37 minutes");
        await Expect(page.Locator("article.incident ul.amendments")).ToContainTextAsync("Heure de fin relevée sur le journal de bord");

        // The returnee complains about the escort: relayed from the flight page, routed to France, the escort's state.
        var complaint = page.GetByRole(AriaRole.Form, new() { Name = "Transmettre une plainte visant un agent de ce vol" });
        await complaint.GetByLabel("Agent").SelectOptionAsync(new SelectOptionValue { Label = $"{escort} (FR, Escorte)" });
        await complaint.GetByLabel("Dossier").SelectOptionAsync(new SelectOptionValue { Label = $"{reference} (FR)" });
        await complaint.GetByLabel("Plainte").FillAsync("Menottes trop serrées pendant tout le vol.");
        await complaint.GetByRole(AriaRole.Button, new() { Name = "Déposer la plainte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Plainte déposée.");
        var routed = await web.Get(planner, "/api/complaints");
        Assert.Contains(routed.EnumerateArray(), c => c.GetProperty("staffNumber").GetString() == escort
            && c.GetProperty("officerState").GetString() == "FR" && c.GetProperty("flightId").GetString() == id.ToString());
    }

    [Fact]
    public async Task A_monitor_opens_only_the_flights_of_their_organisation_reports_and_the_lead_state_answers()
    {
        var organisation = "Monitoring Board " + Guid.NewGuid().ToString("N")[..6];
        var monitored = await DepartedFlight(State.UK, LastMinute().AddMinutes(-30), flight =>
            web.Api(Actors.UkPlanner, $"/api/flights/{flight}/monitor", new { organisation }));
        var other = await web.BookedFlight(WebScenarios.Departure(days: 62));
        await web.Api(Actors.UkPlanner, $"/api/flights/{other}/monitor", new { organisation = Actors.Imb });
        var reference = (await web.Get(Actors.UkPlanner, $"/api/flights/{monitored}")).GetProperty("reference").GetString()!;

        // Signed in with the organisation as the identity provider spells it: the assignment is matched whatever the case.
        var page = await web.NewPage();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Name").FillAsync("Morgan Monitor");
        await page.GetByLabel("Role").SelectOptionAsync("Monitor");
        await page.GetByLabel("Organisation").FillAsync(organisation.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/monitoring$"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Monitored flights"]);
        await Expect(page.Locator("table.monitored tbody tr")).ToHaveCountAsync(1);
        await page.AssertAccessible();

        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
        var observe = page.GetByRole(AriaRole.Form, new() { Name = "Record an observation" });
        var seen = DateTimeOffset.UtcNow.AddMinutes(-5);
        await observe.GetByLabel("Time observed (London)").FillAsync(TimeZoneInfo.ConvertTime(seen, ReaderZones.London).ToString("yyyy-MM-dd'T'HH:mm"));
        await observe.GetByLabel("What was observed").FillAsync("Briefing of the escorts heard in full.");
        await observe.GetByRole(AriaRole.Button, new() { Name = "Record observation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Monitor's observation.");
        await Expect(page.Locator("ol.observations")).ToContainTextAsync("Briefing of the escorts heard in full.");

        // The report, once the flight has left: two findings, the second added in the page.
        var report = page.GetByRole(AriaRole.Form, new() { Name = "Submit the report" });
        await report.GetByRole(AriaRole.Group, new() { Name = "Finding 1" }).GetByLabel("Finding", new() { Exact = true }).FillAsync("Belt kept on after the returnee was calm.");
        await report.GetByRole(AriaRole.Group, new() { Name = "Finding 1" }).GetByLabel("Severity").SelectOptionAsync("High");
        await report.GetByRole(AriaRole.Button, new() { Name = "Add a finding" }).ClickAsync();
        await Expect(report.GetByRole(AriaRole.Group, new() { Name = "Finding 2" }).GetByLabel("Finding", new() { Exact = true })).ToBeFocusedAsync();
        await report.GetByRole(AriaRole.Group, new() { Name = "Finding 2" }).GetByLabel("Finding", new() { Exact = true }).FillAsync("No interpreter at boarding.");
        await page.AssertAccessible();
        await page.Submit("Submit report", "Monitor's report submitted.");
        await Expect(page.Locator("ol.findings > li")).ToHaveCountAsync(2);

        // Another organisation's flight, and the planners' pages, are not theirs.
        Assert.Equal(403, (await page.GotoAsync($"/flights/{other}"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/schedule"))!.Status);
        // Their way home and out works; e-mail notifications are not theirs and not offered.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/monitoring$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "E-mail notifications" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));

        // The lead state's planners answer each finding; then the report is closed.
        var planner = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner", path: $"/flights/{monitored}");
        var accept = planner.GetByRole(AriaRole.Form, new() { Name = "Accept finding 1" });
        await accept.GetByLabel("Action taken").FillAsync("Restraint reviewed every quarter hour.");
        await accept.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Finding answered.");
        var reject = planner.GetByRole(AriaRole.Form, new() { Name = "Reject finding 2" });
        await reject.GetByLabel("Why it is rejected").FillAsync("An interpreter was on board.");
        await reject.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Form, new() { Name = "Reject finding 2" })).ToHaveCountAsync(0);
        var section = planner.Locator("section[aria-labelledby='monitor-report-heading']");
        await Expect(section.Locator(".facts")).ToContainTextAsync("Closed");
        await Expect(section.Locator("ol.findings")).ToContainTextAsync("Restraint reviewed every quarter hour.");
        await planner.AssertAccessible();
    }

    [Fact]
    public async Task A_UK_planner_names_an_officer_whose_certificate_runs_out_before_departure_and_is_warned_in_English()
    {
        var departure = WebScenarios.Departure(days: 61);
        var id = await web.BookedFlight(departure);
        var staffNumber = "UK-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var expiry = DateOnly.FromDateTime(departure.UtcDateTime).AddDays(-3);
        var officerId = await Enrol(State.UK, staffNumber, "Aldous Fenwright", certificate: expiry);

        var page = await web.SignedIn(Role.Planner, State.UK, "Ursula Planner", path: $"/flights/{id}");
        var assign = page.GetByRole(AriaRole.Form, new() { Name = "Assign a UK officer" });
        await assign.GetByLabel("Officer").SelectOptionAsync(new SelectOptionValue { Label = $"{staffNumber} · DCO" });
        await assign.GetByLabel("Duty").SelectOptionAsync("Escort");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign officer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Officer assigned.");
        await Expect(page.Locator(".badge-warning").Filter(new() { HasText = staffNumber }))
            .ToHaveTextAsync($"Officer {staffNumber}'s certificate expires on {expiry.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, before the departure.");
        var member = page.Locator("table.team tbody tr").Filter(new() { HasText = staffNumber });
        await Expect(member.Locator("th, td").First).ToHaveTextAsync("UK");
        await Expect(member.Locator("td").Nth(1)).ToHaveTextAsync("Escort");
        await Expect(member.Locator("td").Nth(2)).ToHaveTextAsync("On the team");
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = $"Release {staffNumber}" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Fenwright");

        // The roster (names for the state's own planners) and the period's figures, with their downloads.
        await page.GotoAsync("/officers");
        await Expect(page.Locator("table.roster tbody tr").Filter(new() { HasText = staffNumber })).ToContainTextAsync("Aldous Fenwright");
        await page.AssertAccessible();
        await page.Screenshot("officers-1280");
        var month = departure.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/accountability?period={month}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accountability report");
        await Expect(page.Locator("table.accountability tbody tr").Filter(new() { HasText = (await web.Get(Actors.UkPlanner, $"/api/flights/{id}")).GetProperty("reference").GetString()! }))
            .ToHaveCountAsync(1);
        await Expect(page.Locator("table.accountability tfoot th")).ToHaveTextAsync("TOTAL");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToHaveAttributeAsync("href", $"/api/reports/accountability.csv?period={month}&format=reader");
        await page.AssertAccessible();
        await page.Screenshot("accountability-1280");

        // A complaint about the officer goes to the UK, whose planners record its receipt on the page.
        var (caseId, reference) = await web.UkCase();
        await web.Api(Actors.UkPlanner, "/api/complaints", new { caseId, officerId, text = "Handcuffs too tight at boarding." }, HttpStatusCode.Created);
        await page.GotoAsync("/complaints");
        var complaint = page.Locator("table.complaints tbody tr").Filter(new() { HasText = reference });
        await Expect(complaint).ToContainTextAsync("Handcuffs too tight at boarding.");
        await Expect(complaint).ToContainTextAsync(staffNumber);
        await complaint.GetByRole(AriaRole.Button, new() { Name = $"Record receipt of the complaint for {reference}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Complaint received.");
        await Expect(complaint.Locator("td").Nth(3)).ToHaveTextAsync("Received");
        await page.AssertAccessible();
    }

    /// <summary>
    /// A flight led by the state, both taking part, planned to leave 75 minutes after <paramref name="left"/> (so that its
    /// crew's duty has begun), booked with seats for both, made ready by <paramref name="ready"/>, locked, and left then.
    /// </summary>
    private async Task<Guid> DepartedFlight(State lead, DateTimeOffset left, Func<Guid, Task>? ready = null)
    {
        var planner = Actors.PlannerOf(lead);
        var planned = await web.Api(planner, "/api/flights", new
        {
            leadState = lead.ToString(), participatingStates = new[] { "FR", "UK" }, countryOfReturn = "AL",
            departureAirport = lead == State.FR ? "CDG" : "STN", destinationAirport = "TIA", scheduledDeparture = left.AddMinutes(75),
        }, HttpStatusCode.Created);
        var id = planned.GetProperty("id").GetGuid();
        await web.Api(planner, $"/api/flights/{id}/charter", Api.Charter());
        await web.Api(planner, $"/api/flights/{id}/seat-allocation", new
        {
            allocations = new[] { new { state = "FR", seats = 10 }, new { state = "UK", seats = 10 } },
        });
        if (ready is not null)
        {
            await ready(id);
        }

        await web.Api(planner, $"/api/flights/{id}/manifest/lock", new { });
        await web.Api(planner, $"/api/flights/{id}/departure", new
        {
            actualDeparture = left, returneesOnBoard = new[] { new { state = "FR", returnees = 0 }, new { state = "UK", returnees = 0 } },
        });
        return id;
    }

    /// <summary>The last whole minute: times are typed to the minute.</summary>
    private static DateTimeOffset LastMinute()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    }

    private async Task<Guid> Enrol(State state, string staffNumber, string name, DateOnly? certificate = null)
    {
        var enrolled = await web.Api(Actors.PlannerOf(state), "/api/officers", new
        {
            // Grades as each state writes them; other tests read the roster on French pages, where English words are flagged.
            staffNumber, name, grade = state == State.UK ? "DCO" : "Brigadier", certificateExpiry = (certificate ?? new DateOnly(2035, 1, 31)).ToString("yyyy-MM-dd"),
            restraintTrainingExpiry = "2035-01-31",
        }, HttpStatusCode.Created);
        return enrolled.GetProperty("id").GetGuid();
    }

    /// <summary>What the French escort leader types for an instant: the wall-clock time in Paris.</summary>
    private static string Typed(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, ReaderZones.Paris).ToString("yyyy-MM-dd'T'HH:mm");

    /// <summary>How the pages show an instant to a French reader: in French, in Paris time.</summary>
    private static string Shown(DateTimeOffset t)
    {
        using (Reader.As(French, ReaderZones.Paris))
        {
            return Show.Time(t);
        }
    }
}
