using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Complaints;
using CalaisReturns.Accountability.Erasing;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Accountability;

/// <summary>
/// An officer's name and the texts of incidents and complaints are kept only on their own streams and documents, where
/// erasure reaches them: never in a flight's events, the schedule, another role's view, the log or a seal's plain text;
/// the retention rule erases them, and the history still verifies.
/// </summary>
public class AccountabilityPersonalDataTests(AppFixture app) : IntegrationTest(app)
{
    private const string OfficerName = "Thaddeus Wrenclough";
    private const string Narrative = "Returnee bit Marigold-Vexcombe's hand at the aircraft door";
    private const string ComplaintText = "Officer swore at him in Oxbrindle dialect";
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.UK);

    private async Task<(Guid Flight, Guid Officer, Guid Incident, Guid Complaint)> Scenario()
    {
        var officer = (await App.Post("/api/officers", new
        {
            staffNumber = "UK-9001", name = OfficerName, grade = "DCO", certificateExpiry = "2030-01-01", restraintTrainingExpiry = "2030-01-01",
        }, 201)).ReadAsJson<Accepted>()!.Id;
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = Actors.Imb });
        await App.Post($"/api/flights/{flight}/officers", new { officerId = officer, duty = "Escort" });
        var person = await App.OpenCase();
        await App.Manifest(flight, person);
        App.Clock.Now = Api.Departure.AddHours(1);
        await App.Post($"/api/flights/{flight}/departure",
            new { actualDeparture = Api.Departure, returneesOnBoard = new[] { new { state = "UK", returnees = 1 } } });
        var incident = (await App.Post($"/api/flights/{flight}/incidents", new
        {
            occurredAt = Api.Departure.AddMinutes(-30), phase = "Boarding", category = "DisruptiveBehaviour", caseIds = new[] { person },
            officerIds = new[] { officer }, narrative = Narrative,
        }, 201, Actors.Of(Role.EscortLeader, State.UK))).ReadAsJson<Accepted>()!.Id;
        await App.Post($"/api/flights/{flight}/incidents/{incident}/amendment", new
        {
            occurredAt = Api.Departure.AddMinutes(-30), phase = "Boarding", category = "DisruptiveBehaviour", caseIds = new[] { person },
            officerIds = new[] { officer }, narrative = Narrative + " (left hand)", reason = "Which hand",
        }, actor: Actors.Of(Role.EscortLeader, State.UK));
        var complaint = (await App.Post("/api/complaints", new { caseId = person, officerId = officer, text = ComplaintText, flightId = flight },
            201)).ReadAsJson<Accepted>()!.Id;
        await App.Post($"/api/complaints/{complaint}/receipt", new { });
        await App.Post($"/api/complaints/{complaint}/examination", new { });
        await App.Post($"/api/complaints/{complaint}/outcome", new { outcome = "NotUpheld", summary = "Oxbrindle witness heard nothing" });

        // Every reader's view, so that whatever they would log is logged.
        foreach (var reader in new[] { Actors.UkPlanner, Actors.FrPlanner, Auditor, Actors.Monitor(Actors.Imb) })
        {
            await App.Get($"/api/flights/{flight}", actor: reader);
            await App.Get($"/api/flights/{flight}/incidents", actor: reader);
        }

        await App.Get($"/api/flights/{flight}/history", actor: Auditor);
        await App.Get($"/api/audit/flights/{flight}/export", actor: Auditor);
        return (flight, officer, incident, complaint);
    }

    [Fact]
    public async Task Names_and_texts_are_only_on_their_own_streams_and_documents_and_never_in_the_log()
    {
        await Scenario();

        Assert.Equal(["mt_doc_officer", "mt_events:officer_enrolled"], (await StoredRows.Containing(App, "Wrenclough")).Keys.Order());
        Assert.Equal(["mt_doc_incident", "mt_events:incident_amended", "mt_events:incident_recorded"],
            (await StoredRows.Containing(App, "Vexcombe")).Keys.Order());
        Assert.Equal(["mt_doc_complaint", "mt_events:complaint_concluded", "mt_events:complaint_made"],
            (await StoredRows.Containing(App, "Oxbrindle")).Keys.Order());
        foreach (var needle in new[] { "Wrenclough", "Vexcombe", "Oxbrindle" })
        {
            Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_retention_rule_erases_them_everywhere_and_the_history_still_verifies()
    {
        var (flight, officer, incident, complaint) = await Scenario();
        var incidentsBefore = await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", Auditor);
        await App.Post($"/api/officers/{officer}/leaving", new { });

        // Nothing is due yet: a year after the officer left is not over, nor three after the incident.
        App.Clock.Now = Api.Departure.AddDays(300);
        await Host.InvokeMessageAndWaitAsync(new EraseExpiredAccountabilityData());
        Assert.NotEmpty(await StoredRows.Containing(App, "Wrenclough"));

        App.Clock.Now = Api.Departure.AddDays(1100);
        await Host.TrackActivity(TimeSpan.FromSeconds(30)).InvokeMessageAndWaitAsync(new EraseExpiredAccountabilityData());

        foreach (var needle in new[] { "Wrenclough", "Vexcombe", "Oxbrindle" })
        {
            Assert.Empty(await StoredRows.Containing(App, needle));
        }

        var roster = Assert.Single(await App.GetJson<List<Officer>>("/api/officers"));
        Assert.Equal(("UK-9001", null, true), (roster.StaffNumber, roster.Name, roster.Erased));
        var erased = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", Actors.UkPlanner));
        Assert.Equal((null, true), (erased.Narrative, erased.NarrativeErased));
        // Every fact the figures are built on reads as before: only the narrative's erasure (and the stream's version) differ.
        var audited = Assert.Single(await App.GetJson<List<IncidentView>>($"/api/flights/{flight}/incidents", Auditor));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(incidentsBefore.Single() with { NarrativeErased = true, Version = audited.Version }),
            System.Text.Json.JsonSerializer.Serialize(audited));
        Assert.Equal(["Which hand"], erased.Amendments.Select(a => a.Reason));
        var handled = Assert.Single(await App.GetJson<List<ComplaintView>>("/api/complaints"));
        Assert.Equal((complaint, null, null, true, ComplaintOutcome.NotUpheld),
            (handled.ComplaintId, handled.Text, handled.OutcomeSummary, handled.TextErased, handled.Outcome));
        await App.Post($"/api/flights/{flight}/incidents/{incident}/amendment", new
        {
            occurredAt = Api.Departure.AddMinutes(-30), phase = "Boarding", category = "Other", narrative = "again", reason = "again",
        }, 409, Actors.Of(Role.EscortLeader, State.UK));

        var verified = await App.GetJson<VerificationResult>("/api/audit/verify?full=true", Auditor);
        Assert.True(verified.Intact, string.Join("; ", verified.Broken));
    }
}
