using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Complaints;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Accountability.Reporting;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.Notifications;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Accountability;

/// <summary>
/// A flight told as its accountability record: the roster, the named team with its warnings, an incident with force
/// used, the serious report that came late, the monitor's report answered by the lead state, and a complaint handled
/// by the officer's state; each reader seeing what is theirs.
/// </summary>
public class AccountabilityApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkLeader = Actors.Of(Role.EscortLeader, State.UK);
    private static readonly Actor FrLeader = Actors.Of(Role.EscortLeader, State.FR);
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.UK);
    private static readonly Actor Imb = Actors.Monitor(Actors.Imb);

    private Task Sweep() => Host.InvokeMessageAndWaitAsync(new SweepAccountabilityDeadlines());

    private async Task<Guid> Enrol(State state, string staffNumber, string name, string certificate = "2030-01-31",
        string training = "2030-01-31")
    {
        var result = await App.Post("/api/officers", new
        {
            staffNumber, name, grade = "Detention Custody Officer", certificateExpiry = certificate, restraintTrainingExpiry = training,
        }, 201, Actors.PlannerOf(state));
        return result.ReadAsJson<Accepted>()!.Id;
    }

    [Fact]
    public async Task Roster_team_incident_with_force_late_serious_report_monitors_findings_answered_and_closed()
    {
        // The roster: each state its own officers, and only its own planners see them.
        var expiring = await Enrol(State.UK, "UK-1001", "Aldous Fenwright", certificate: Api.Departure.AddDays(-3).ToString("yyyy-MM-dd"));
        var lead = await Enrol(State.UK, "UK-1002", "Briony Tallowmere");
        var medic = await Enrol(State.FR, "FR-2001", "Céleste Vauquelin");
        await App.Post("/api/officers", new
        {
            staffNumber = "UK-1001", name = "Someone Else", grade = "DCO", certificateExpiry = "2030-01-01", restraintTrainingExpiry = "2030-01-01",
        }, 409);
        Assert.Equal(["UK-1001", "UK-1002"], (await App.GetJson<List<Officer>>("/api/officers")).Select(o => o.StaffNumber));
        Assert.Equal(["FR-2001"], (await App.GetJson<List<Officer>>("/api/officers", Actors.FrPlanner)).Select(o => o.StaffNumber));
        await App.Get("/api/officers", 403, Auditor);
        await App.Get("/api/officers", 403, UkLeader);

        // The named team: counted from the roster, with the expiring certificate warned of.
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = Actors.Imb });
        await App.Post($"/api/flights/{flight}/officers", new { officerId = expiring, duty = "Escort" });
        await App.Post($"/api/flights/{flight}/officers", new { officerId = lead, duty = "Escort" });
        await App.Post($"/api/flights/{flight}/officers", new { officerId = medic, duty = "Medic" }, 403);
        await App.Post($"/api/flights/{flight}/officers", new { officerId = medic, duty = "Medic" }, actor: Actors.FrPlanner);
        await App.Post($"/api/flights/{flight}/officers", new { officerId = lead, duty = "Escort" }, 409);
        var team = await App.GetJson<FlightSchedule>($"/api/flights/{flight}");
        Assert.Equal((2, 0), (team.States.Single(t => t.State == State.UK).Escorts, team.States.Single(t => t.State == State.UK).Medics));
        Assert.Equal(1, team.States.Single(t => t.State == State.FR).Medics);
        Assert.Contains(team.Warnings, w => w.Contains("UK-1001") && w.Contains("certificate expires"));
        Assert.DoesNotContain(team.Warnings, w => w.Contains("UK-1002"));
        Assert.DoesNotContain(team.Warnings, w => w.Contains("Fenwright"));
        await App.Post($"/api/flights/{flight}/escort-team", new { state = "UK", escorts = 4, medics = 0, interpreters = 0 }, 409);

        // An officer on two flights whose duties overlap is warned of on both.
        var other = await App.PlannedFlight(Api.Plan(departure: Api.Departure.AddHours(3)));
        await App.Post($"/api/flights/{other}/officers", new { officerId = lead, duty = "Escort" });
        var otherReference = (await App.GetJson<FlightSchedule>($"/api/flights/{other}")).Reference;
        Assert.Contains((await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Warnings,
            w => w.Contains("UK-1002") && w.Contains(otherReference));
        await App.Post($"/api/flights/{other}/officers/{lead}/release", new { reason = "Moved to the earlier flight" });
        Assert.DoesNotContain((await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Warnings, w => w.Contains("UK-1002"));

        // Departure with a UK and a French returnee.
        var (ukCase, frCase) = (await App.OpenCase(), await App.OpenCase(State.FR));
        await App.Manifest(flight, ukCase);
        await App.Manifest(flight, frCase, State.FR);
        App.Clock.Now = Api.Departure.AddHours(2);
        await App.Post($"/api/flights/{flight}/departure", new
        {
            actualDeparture = Api.Departure, returneesOnBoard = new[] { new { state = "UK", returnees = 1 }, new { state = "FR", returnees = 1 } },
        });

        // The UK escort leader records force used in flight: its duration is shown.
        var occurred = Api.Departure.AddMinutes(40);
        var recorded = await App.Post($"/api/flights/{flight}/incidents", new
        {
            occurredAt = occurred, phase = "InFlight", category = "UseOfForce", caseIds = new[] { ukCase }, officerIds = new[] { expiring, lead },
            serious = true, narrative = "Returnee struck an escort; restrained in seat row 31.",
            useOfForce = new { technique = "RestraintBelt", startedAt = occurred.AddMinutes(2), endedAt = occurred.AddMinutes(44), authorisedBy = lead },
        }, 201, UkLeader);
        var incidentId = recorded.ReadAsJson<Accepted>()!.Id;
        // A control character in the narrative: a 400 naming it, nothing written.
        var refused = await App.Post($"/api/flights/{flight}/incidents", new
        {
            occurredAt = occurred, phase = "InFlight", category = "Other", narrative = "Hidden\u0007bell",
        }, 400, UkLeader);
        Assert.NotNull(refused.Problem()["errors"]!["Narrative"]);
        var incident = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", UkLeader));
        Assert.Equal((42d, "UK-1002", "STN"), (incident.UseOfForce!.DurationMinutes, incident.UseOfForce.AuthorisedBy.Reference, incident.Airport));
        Assert.Equal(["UK-1001", "UK-1002"], incident.Officers.Select(o => o.Reference));
        Assert.Equal(SeriousReportStatus.Due, incident.SeriousReport!.Status);
        Assert.Equal(occurred.AddHours(24), incident.SeriousReport.DueAt);
        Assert.Equal("Returnee struck an escort; restrained in seat row 31.", incident.Narrative);
        // The other state's crew reads it whole; auditors and the flight's monitor without the narrative; finance not at all.
        Assert.NotNull(Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", FrLeader)).Narrative);
        var audited = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", Auditor));
        Assert.Equal((null, true, 42d), (audited.Narrative, audited.NarrativeWithheld, audited.UseOfForce!.DurationMinutes));
        Assert.Null(Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", Imb)).Narrative);
        await App.Get($"/api/flights/{flight}/incidents", 403, Actors.Of(Role.Finance, State.UK));
        await App.Get($"/api/flights/{flight}/incidents", 403, Actors.Monitor(Actors.Cglpl, State.FR));

        // Warned before the deadline, flagged late after it: notifications and e-mails to the UK's planners.
        var address = MailCatcher.Address("uk-planner");
        await App.Put("/api/me/email-notifications", new { email = address, language = "en", zone = "Europe/London" });
        App.Clock.Now = occurred.AddHours(19);
        await Sweep();
        var due = Assert.Single(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));
        Assert.Equal((DeadlineKind.SeriousReportDue, occurred.AddHours(24), flight), (due.Kind, due.DeadlineAt, due.FlightId));
        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", Actors.FrPlanner));
        App.Clock.Now = occurred.AddHours(25);
        await Sweep();
        await Sweep();
        var late = await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications");
        Assert.Equal([DeadlineKind.SeriousReportOverdue, DeadlineKind.SeriousReportDue], late.Select(n => n.Kind));
        var emails = await MailCatcher.To(address, expected: 2);
        Assert.Contains(emails, m => m.TextBody!.Contains("was due") && m.TextBody!.Contains(team.Reference));
        Assert.DoesNotContain(emails, m => m.TextBody!.Contains("struck") || m.TextBody!.Contains("Fenwright"));
        var overdue = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", Auditor));
        Assert.Equal((SeriousReportStatus.Overdue, true), (overdue.SeriousReport!.Status, overdue.SeriousReport.Late));

        // Sent late, then amended with a reason: never edited.
        await App.Post($"/api/flights/{flight}/incidents/{incidentId}/serious-report", new { sentTo = "Home Office PSU", reference = "PSU-88" },
            actor: UkLeader);
        await App.Post($"/api/flights/{flight}/incidents/{incidentId}/serious-report", new { sentTo = "Home Office PSU" }, 409, UkLeader);
        await App.Post($"/api/flights/{flight}/incidents/{incidentId}/amendment", new
        {
            occurredAt = occurred, phase = "InFlight", category = "UseOfForce", caseIds = new[] { ukCase }, officerIds = new[] { expiring, lead },
            serious = true, narrative = "Returnee struck an escort; restrained in seat row 31 by two officers.", reason = "Second officer named",
            useOfForce = new { technique = "RestraintBelt", startedAt = occurred.AddMinutes(2), endedAt = occurred.AddMinutes(47), authorisedBy = lead },
        }, actor: UkLeader);
        await App.Post($"/api/flights/{flight}/incidents/{incidentId}/amendment", new
        {
            occurredAt = occurred, phase = "InFlight", category = "Other", narrative = "x", reason = "y",
        }, 403, FrLeader);
        var amended = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", UkLeader));
        Assert.Equal((45d, SeriousReportStatus.ReportedLate, "Second officer named"),
            (amended.UseOfForce!.DurationMinutes, amended.SeriousReport!.Status, Assert.Single(amended.Amendments).Reason));
        // As it stood before the amendment.
        var before = Assert.Single(await App.GetJson<List<IncidentView>>(
            $"/api/flights/{flight}/incidents?asOf={Uri.EscapeDataString(occurred.AddHours(24.5).ToString("O"))}", Auditor));
        Assert.Equal((42d, 0), (before.UseOfForce!.DurationMinutes, before.Amendments.Count));

        // The monitor's report: two findings; the lead state answers both; then it is closed.
        await App.Post($"/api/flights/{flight}/monitor-report", new { findings = new[] { new { text = "x", severity = "Low" } } }, 403,
            Actors.Monitor(Actors.Cglpl, State.FR));
        await App.Post($"/api/flights/{flight}/monitor-report", new
        {
            findings = new[]
            {
                new { text = "Restraint belt kept on for 45 minutes after the returnee was calm.", severity = "High" },
                new { text = "No interpreter for the French returnee at boarding.", severity = "Medium" },
            },
        }, actor: Imb);
        await App.Post($"/api/flights/{flight}/monitor-report", new { findings = Array.Empty<object>() }, 409, Imb);
        var report = await App.GetJson<MonitorReportView>($"/api/flights/{flight}/monitor-report", Imb);
        Assert.Equal((MonitorReportStatus.Open, 2, 0), (report.Status, report.FindingsOpen, report.FindingsAnswered));
        var (first, second) = (report.Findings[0].FindingId, report.Findings[1].FindingId);
        var answered = App.Clock.Now;
        await App.Post($"/api/flights/{flight}/monitor-report/findings/{first}/response",
            new { accepted = true, action = "Restraint reviewed at every quarter hour from now on." }, 403, Actors.FrPlanner);
        await App.Post($"/api/flights/{flight}/monitor-report/findings/{first}/response",
            new { accepted = true, action = "Restraint reviewed at every quarter hour from now on." });
        App.Clock.Now = answered.AddHours(1);
        await App.Post($"/api/flights/{flight}/monitor-report/findings/{second}/response",
            new { accepted = false, reason = "An interpreter was on board; boarding was in French." });
        await App.Post($"/api/flights/{flight}/monitor-report/findings/{second}/response", new { accepted = false, reason = "Again" }, 409);
        var closed = await App.GetJson<MonitorReportView>($"/api/flights/{flight}/monitor-report", Auditor);
        Assert.Equal((MonitorReportStatus.Closed, 0, 2), (closed.Status, closed.FindingsOpen, closed.FindingsAnswered));
        Assert.Equal((false, "An interpreter was on board; boarding was in French."), (closed.Findings[1].Answer!.Accepted, closed.Findings[1].Answer!.Reason));
        var halfway = await App.GetJson<MonitorReportView>(
            $"/api/flights/{flight}/monitor-report?asOf={Uri.EscapeDataString(answered.AddMinutes(30).ToString("O"))}", Auditor);
        Assert.Equal((MonitorReportStatus.Open, 1, 1), (halfway.Status, halfway.FindingsOpen, halfway.FindingsAnswered));
        await App.Get($"/api/flights/{flight}/monitor-report", 403, Actors.Of(Role.Finance, State.FR));

        // The auditor's history of it all: who recorded what and when, in order, without the narrative.
        var history = await App.HistoryEvents($"/api/flights/{flight}/accountability/history", Auditor);
        Assert.Equal(["incident_recorded", "serious_incident_reported", "incident_amended", "monitor_report_submitted",
            "monitor_finding_answered", "monitor_finding_answered"], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(incidentId, history[0]!["streamId"]!.GetValue<Guid>());
        Assert.Equal(("uk.escortleader", "EscortLeader", "UK"), (history[0]!["userId"]!.GetValue<string>(),
            history[0]!["role"]!.GetValue<string>(), history[0]!["state"]!.GetValue<string>()));
        Assert.DoesNotContain("struck", history.ToJsonString());
        await App.Get($"/api/flights/{flight}/accountability/history", 403, Actors.Of(Role.Finance, State.UK));

        // The auditor's flight page: the incident and the report as they stood before the amendment and the answers.
        var page = System.Net.WebUtility.HtmlDecode((await App.Get(
            $"/audit/flights/{flight}?AsOf={Uri.EscapeDataString(occurred.AddHours(24.5).ToString("O"))}", actor: Auditor)).ReadAsText());
        Assert.Contains("Restraint belt, 42 min", page);
        Assert.Contains("Overdue", page);
        Assert.Contains("No monitor's report.", page);
        Assert.DoesNotContain("struck", page);
        var closedPage = System.Net.WebUtility.HtmlDecode((await App.Get($"/audit/flights/{flight}", actor: Auditor)).ReadAsText());
        Assert.Contains("Restraint belt, 45 min", closedPage);
        Assert.Contains("Reported late", closedPage);
        Assert.Contains("Monitor's report (Independent Monitoring Boards): Closed, 2 of 2 findings answered.", closedPage);

        // The figures: per flight, and for the month with its other (unflown) flight, on the API and in the downloads.
        var figures = await App.GetJson<FlightAccountability>($"/api/flights/{flight}/accountability", Auditor);
        Assert.Equal((2, 1, 50.0m, 1, 1, 1, 45.0m, 45.0m), (figures.ReturneesFlown, figures.Incidents, figures.IncidentsPer100Returnees,
            figures.SeriousIncidents, figures.LateSeriousReports, figures.UsesOfForce, figures.ForceMinutesTotal, figures.ForceMinutesLongest));
        Assert.Equal((2, 2, 0, MonitorReportStatus.Closed), (figures.Findings, figures.FindingsAnswered, figures.FindingsOpen, figures.MonitorReport));
        var month = await App.GetJson<AccountabilityReport>("/api/reports/accountability?period=2026-07", Actors.FrPlanner);
        Assert.Equal([team.Reference, otherReference], month.Flights.Select(f => f.Reference));
        Assert.Equal((2, 1, 50.0m, 45.0m), (month.Total.ReturneesFlown, month.Total.Incidents, month.Total.IncidentsPer100Returnees,
            month.Total.ForceMinutesLongest));
        await App.Get("/api/reports/accountability?period=2026-07", 403, Actors.Of(Role.Finance, State.UK));
        await App.Get("/api/reports/accountability?period=July", 400, Auditor);

        var plain = (await App.Get("/api/reports/accountability.csv?period=2026-07", actor: Auditor)).ReadAsText().Split("\r\n");
        Assert.Equal("Reference,ScheduledDeparture,Status,LeadState,CountriesOfReturn,ReturneesFlown,Incidents,IncidentsPer100Returnees,"
            + "SeriousIncidents,LateSeriousReports,UsesOfForce,ForceMinutesTotal,ForceMinutesLongest,Findings,FindingsAnswered,FindingsOpen,MonitorReport",
            plain[0]);
        Assert.Equal($"{team.Reference},2026-07-22,Departed,UK,AL,2,1,50.0,1,1,1,45.0,45.0,2,2,0,Closed", plain[1]);
        Assert.StartsWith("TOTAL,,,,,2,1,50.0,", plain[3]);
        var french = await App.Get("/api/reports/accountability.csv?period=2026-07&format=reader", actor: Actors.FrPlanner, language: "fr-FR");
        var frenchText = french.ReadAsText().TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("Vol;Départ;Statut;", frenchText[0]);
        Assert.Contains(";50,0;", frenchText[1]);
        Assert.Contains(";Clos", frenchText[1]);

        var excel = await App.Get("/api/reports/accountability.xlsx?period=2026-07", actor: Actors.FrPlanner, language: "fr-FR");
        using var workbook = new MemoryStream();
        await excel.Context.Response.Body.CopyToAsync(workbook);
        workbook.Position = 0;
        var sheet = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal((50.0, 45.0, "Clos"), (Convert.ToDouble(sheet[0]["Incidents pour 100 personnes"]),
            Convert.ToDouble(sheet[0]["Force, la plus longue (minutes)"]), sheet[0]["Rapport de l’observateur"]));
        Assert.IsType<DateTime>(sheet[0]["Départ"]);
    }

    [Fact]
    public async Task What_the_crews_and_the_monitor_record_never_makes_a_planners_open_page_stale()
    {
        // The UK lead planner's page holds the flight's version; meanwhile the French crew and the monitor write their records.
        var officer = await Enrol(State.FR, "FR-5001", "Odile Pérignac");
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = Actors.Imb });
        await App.Post($"/api/flights/{flight}/officers", new { officerId = officer, duty = "Escort" }, actor: Actors.FrPlanner);
        var person = await App.OpenCase(State.FR);
        await App.Manifest(flight, person, State.FR);
        var held = (await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Version;

        App.Clock.Now = Api.Departure.AddHours(-1);
        await App.Post($"/api/flights/{flight}/incidents", new
        {
            occurredAt = Api.Departure.AddHours(-2), phase = "PreDeparture", category = "SelfHarm", caseIds = new[] { person },
            officerIds = new[] { officer }, serious = true, narrative = "Blessure légère avant l'embarquement",
        }, 201, FrLeader, language: "fr-FR");
        await App.Post($"/api/flights/{flight}/monitor-report/observations", new { observedAt = App.Clock.Now, text = "Fouille en salle" },
            actor: Imb);
        await App.Post("/api/complaints", new { caseId = person, officerId = officer, text = "Propos déplacés" }, 201, FrLeader);

        // The planner's command, sent with the version the page was opened at, is taken.
        Assert.Equal(held, (await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Version);
        await App.Post($"/api/flights/{flight}/reschedule", new { newDeparture = Api.Departure.AddHours(2), reason = "Slot", expectedVersion = held });
        // The report is France's: the UK crew may not send it on, and a French reader is told so in French.
        var incident = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", FrLeader));
        Assert.Equal(SeriousReportStatus.Due, incident.SeriousReport!.Status);
        var refused = await App.Post($"/api/flights/{flight}/incidents/{incident.IncidentId}/serious-report", new { sentTo = "PSU" }, 403,
            UkLeader, language: "fr-FR");
        Assert.Equal("Ce rapport est celui de FR : seuls ses planificateurs et chefs d’escorte le modifient ou le transmettent.",
            refused.Problem()["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_lead_state_is_reminded_of_findings_left_unanswered_by_e_mail_until_each_is_answered()
    {
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = Actors.Imb });
        App.Clock.Now = Api.Departure.AddHours(1);
        await App.Post($"/api/flights/{flight}/departure",
            new { actualDeparture = Api.Departure, returneesOnBoard = new[] { new { state = "UK", returnees = 0 } } });
        await App.Post($"/api/flights/{flight}/monitor-report", new { findings = new[] { new { text = "Briefing untranslated", severity = "Medium" } } },
            actor: Imb);
        var address = MailCatcher.Address("uk-lead");
        await App.Put("/api/me/email-notifications", new { email = address, language = "fr", zone = "Europe/Paris" });

        App.Clock.Now = Api.Departure.AddDays(10);
        await Sweep();
        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));
        App.Clock.Now = Api.Departure.AddDays(15);
        await Sweep();
        await Sweep();
        var reminder = Assert.Single(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));
        Assert.Equal(DeadlineKind.FindingsUnanswered, reminder.Kind);
        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", Actors.FrPlanner));
        var email = Assert.Single(await MailCatcher.To(address));
        Assert.Contains("constatations toujours sans réponse", email.TextBody);

        var report = await App.GetJson<MonitorReportView>($"/api/flights/{flight}/monitor-report");
        await App.Post($"/api/flights/{flight}/monitor-report/findings/{report.Findings[0].FindingId}/response",
            new { accepted = true, action = "Interpreter at every briefing" });
        App.Clock.Now = Api.Departure.AddDays(30);
        await Sweep();
        Assert.Single(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));
    }

    [Fact]
    public async Task A_complaint_about_an_escort_goes_to_the_escorts_state_which_receives_examines_and_concludes_it()
    {
        var escort = await Enrol(State.UK, "UK-3001", "Dorian Pellwether");
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/officers", new { officerId = escort, duty = "Escort" });
        var frCase = await App.OpenCase(State.FR, reference: "AGDREF-7781");

        // France relays the complaint of its returnee about a UK escort: it is the UK's to handle, and its planners are told.
        var address = MailCatcher.Address("uk-complaints");
        await App.Put("/api/me/email-notifications", new { email = address, language = "en", zone = "Europe/London" });
        var made = await App.AndPolicies(() => App.Post("/api/complaints",
            new { caseId = frCase, officerId = escort, text = "Handcuffs too tight for the whole flight.", flightId = flight }, 201, Actors.FrPlanner));
        var told = Assert.Single(await MailCatcher.To(address));
        Assert.Equal("Complaint about officer UK-3001", told.Subject);
        Assert.Contains("case AGDREF-7781 by FR", told.TextBody);
        Assert.DoesNotContain("Handcuffs", told.TextBody);
        var id = made.ReadAsJson<Accepted>()!.Id;
        var routed = Assert.Single(await App.GetJson<List<ComplaintView>>("/api/complaints"));
        Assert.Equal((State.UK, State.FR, "AGDREF-7781", "UK-3001", ComplaintStatus.Made),
            (routed.OfficerState, routed.MadeBy, routed.CaseReference, routed.StaffNumber, routed.Status));
        Assert.Equal("Handcuffs too tight for the whole flight.", routed.Text);
        Assert.Null(Assert.Single(await App.GetJson<List<ComplaintView>>("/api/complaints", Auditor)).Text);

        await App.Post($"/api/complaints/{id}/receipt", new { }, 403, Actors.FrPlanner);
        await App.Post($"/api/complaints/{id}/outcome", new { outcome = "Upheld", summary = "s" }, 409);
        await App.Post($"/api/complaints/{id}/receipt", new { });
        await App.Post($"/api/complaints/{id}/examination", new { });
        await App.Post($"/api/complaints/{id}/outcome", new { outcome = "PartlyUpheld", summary = "Cuffs checked late; officer advised." });
        var concluded = Assert.Single(await App.GetJson<List<ComplaintView>>("/api/complaints", Actors.FrPlanner));
        Assert.Equal((ComplaintStatus.Concluded, ComplaintOutcome.PartlyUpheld), (concluded.Status, concluded.Outcome));

        // A state with nothing to do with the case nor the officer: none here has both states' people but these two.
        await App.Post("/api/complaints", new { caseId = frCase, officerId = Guid.NewGuid(), text = "x" }, 404, Actors.FrPlanner);
    }
}
