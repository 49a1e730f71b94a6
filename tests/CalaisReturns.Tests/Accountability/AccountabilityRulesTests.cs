using System.Collections.Immutable;
using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Complaints;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Flights.Staffing;
using CalaisReturns.Jobs.Notifications;
using CalaisReturns.Tests.Flights.Routing;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Accountability;

/// <summary>Given/then helpers for the accountability records' pure rules.</summary>
internal static class AccountabilitySpec
{
    public static readonly AccountabilityRules Rules = new();

    public static Guid OfficerId(int n) => Guid.Parse($"01970000-0000-7000-9000-{n:000000000000}");

    public static Officer Officer(int n, State state = State.UK, DateOnly? certificate = null, DateOnly? training = null) =>
        CalaisReturns.Accountability.Officers.Officer.Fold(null, new OfficerEnrolled(OfficerId(n), state, $"{state}-{n}", $"Officer {n}", "DCO",
            certificate ?? new DateOnly(2030, 1, 1), training ?? new DateOnly(2030, 1, 1), Now.AddDays(-100)));

    public static OfficerAssigned Assigned(int n, State state = State.UK, OfficerDuty duty = OfficerDuty.Escort) =>
        new(FlightId, OfficerId(n), state, $"{state}-{n}", duty, Now.AddDays(-3));

    /// <summary>A booked UK/FR flight STN → TIA that left at its departure, with case 1 (UK) and officers 1 and 2 (UK) on board.</summary>
    public static Flight Flown() => Given(Planned(), Booked(), Allocated(60, 40), Manifested(Case(1)), Assigned(1), Assigned(2),
        Departed(1, 0));

    public static RecordIncident Report(IncidentPhase phase = IncidentPhase.InFlight, IncidentCategory category = IncidentCategory.Other,
        Guid? stop = null, UseOfForceInput? force = null, DateTimeOffset? at = null, IReadOnlyList<Guid>? cases = null,
        IReadOnlyList<Guid>? officers = null, bool serious = false) =>
        new(at ?? Departure.AddMinutes(30), phase, category, "What happened", serious, stop, cases ?? [Case(1)], officers ?? [OfficerId(1)], force);

    public static Incident Recorded(RecordIncident report, Flight flight, DateTimeOffset? now = null) =>
        Incident.Fold(null, RecordIncidentEndpoint.Decide(report, Guid.CreateVersion7(), State.UK, flight, Rules, now ?? Departure.AddHours(3))
            .Events.Single());

    public static FlightSchedule Schedule(Guid id, string reference, DateTimeOffset departure, params TeamOfficer[] officers) => new()
    {
        Id = id, Reference = reference, ScheduledDeparture = departure, Status = FlightStatus.Booked, Officers = [.. officers],
        Stops = [new ScheduleStop { Airport = "STN", Scheduled = departure }, new ScheduleStop { Airport = "TIA", Scheduled = departure.AddHours(3) }],
    };
}

public class OfficerRulesTests
{
    [Fact]
    public void Given_a_booked_flight_when_a_planner_names_an_officer_then_the_states_team_is_counted_from_its_named_officers()
    {
        var flight = Given(Planned(), Booked(), Allocated(60, 40),
            new EscortTeamAssigned(FlightId, State.UK, 6, 1, 1, Now));
        var decision = AssignOfficerEndpoint.Decide(new AssignOfficer(AccountabilitySpec.OfficerId(1), OfficerDuty.Escort), flight,
            AccountabilitySpec.Officer(1), Now);
        ThenAccepted(decision, AccountabilitySpec.Assigned(1) with { AssignedAt = Now });

        var named = Given(Planned(), Booked(), Allocated(60, 40), new EscortTeamAssigned(FlightId, State.UK, 6, 1, 1, Now), AccountabilitySpec.Assigned(1));
        Assert.Equal(1, named.TeamOf(State.UK));
        ThenRefused(AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.UK, 4, 0, 0), named, Now), "named officers");
        ThenRefused(AssignOfficerEndpoint.Decide(new AssignOfficer(AccountabilitySpec.OfficerId(1), OfficerDuty.Medic), named,
            AccountabilitySpec.Officer(1), Now), "already on this flight's team as Escort");
    }

    [Fact]
    public void Given_an_officer_who_left_or_a_state_not_taking_part_or_no_seat_left_when_named_then_refused()
    {
        var flight = Given(Planned(State.UK, State.UK), Booked(), new SeatsAllocated(FlightId, [new(State.UK, 1)], Now));
        var left = AccountabilitySpec.Officer(1) with { LeftAt = Now.AddDays(-1) };
        ThenRefused(AssignOfficerEndpoint.Decide(new AssignOfficer(left.Id, OfficerDuty.Escort), flight, left, Now), "has left the roster");
        var french = AccountabilitySpec.Officer(2, State.FR);
        ThenRefused(AssignOfficerEndpoint.Decide(new AssignOfficer(french.Id, OfficerDuty.Escort), flight, french, Now), "FR");
        var full = Given(Planned(State.UK, State.UK), Booked(), new SeatsAllocated(FlightId, [new(State.UK, 1)], Now), Manifested(Case(1)));
        ThenRefused(AssignOfficerEndpoint.Decide(new AssignOfficer(AccountabilitySpec.OfficerId(3), OfficerDuty.Escort), full,
            AccountabilitySpec.Officer(3), Now), "does not fit");
        ThenRefused(AssignOfficerEndpoint.Decide(new AssignOfficer(AccountabilitySpec.OfficerId(3), OfficerDuty.Escort),
            Given(Planned(), Cancelled()), AccountabilitySpec.Officer(3), Now), "cancelled");
    }

    [Fact]
    public void Given_an_officer_on_the_team_when_released_then_off_the_count_but_kept_for_the_records_that_name_them()
    {
        var flight = Given(Planned(), Booked(), Allocated(60, 40), AccountabilitySpec.Assigned(1), AccountabilitySpec.Assigned(2));
        var decision = AssignOfficerEndpoint.Decide(new ReleaseOfficer("Sick"), flight, AccountabilitySpec.OfficerId(1), Now);
        ThenAccepted(decision, new OfficerReleased(FlightId, AccountabilitySpec.OfficerId(1), "Sick", Now));
        var released = Given([.. new object[] { Planned(), Booked(), Allocated(60, 40), AccountabilitySpec.Assigned(1), AccountabilitySpec.Assigned(2) },
            .. decision.Events]);
        Assert.Equal((1, true), (released.TeamOf(State.UK), released.OfficerOf(AccountabilitySpec.OfficerId(1))!.Released));
        ThenRefused(AssignOfficerEndpoint.Decide(new ReleaseOfficer("Again"), released, AccountabilitySpec.OfficerId(1), Now), "not on this flight's team");
    }

    [Fact]
    public void Given_officers_whose_qualifications_expire_before_departure_or_whose_duties_overlap_then_warned_by_staff_number()
    {
        var departure = Departure;
        var flight = AccountabilitySpec.Schedule(FlightId, "RF-2026-0001", departure,
            new TeamOfficer(AccountabilitySpec.OfficerId(1), State.UK, "UK-1", OfficerDuty.Escort),
            new TeamOfficer(AccountabilitySpec.OfficerId(2), State.UK, "UK-2", OfficerDuty.Escort),
            new TeamOfficer(AccountabilitySpec.OfficerId(3), State.UK, "UK-3", OfficerDuty.Escort, Released: true));
        var day = DateOnly.FromDateTime(departure.UtcDateTime);
        var officers = new Dictionary<Guid, Officer>
        {
            [AccountabilitySpec.OfficerId(1)] = AccountabilitySpec.Officer(1, certificate: day.AddDays(-1), training: day),
            [AccountabilitySpec.OfficerId(2)] = AccountabilitySpec.Officer(2, training: day.AddDays(-10)),
            [AccountabilitySpec.OfficerId(3)] = AccountabilitySpec.Officer(3, certificate: day.AddDays(-30)),
        };
        // The next day's flight: its duty (from 4 h before its departure) overlaps this one's (to 8 h after its last stop).
        var soon = AccountabilitySpec.Schedule(Guid.NewGuid(), "RF-2026-0002", departure.AddHours(14),
            new TeamOfficer(AccountabilitySpec.OfficerId(2), State.UK, "UK-2", OfficerDuty.Escort));
        var later = AccountabilitySpec.Schedule(Guid.NewGuid(), "RF-2026-0003", departure.AddHours(16),
            new TeamOfficer(AccountabilitySpec.OfficerId(1), State.UK, "UK-1", OfficerDuty.Escort));
        var cancelled = AccountabilitySpec.Schedule(Guid.NewGuid(), "RF-2026-0004", departure,
            new TeamOfficer(AccountabilitySpec.OfficerId(1), State.UK, "UK-1", OfficerDuty.Escort)) with { Status = FlightStatus.Cancelled };

        var warnings = OfficerWarnings.For(flight, officers, [soon, later, cancelled], AccountabilitySpec.Rules)
            .Select(w => w.In(Languages.English)).ToList();

        Assert.Equal(
        [
            $"Officer UK-1's certificate expires on {day.AddDays(-1):d MMM yyyy}, before the departure.",
            $"Officer UK-2's restraint training expires on {day.AddDays(-10):d MMM yyyy}, before the departure.",
            "Officer UK-2 is also on flight RF-2026-0002, whose duty times overlap this one's.",
        ], warnings);
        Assert.Empty(OfficerWarnings.For(flight with { Status = FlightStatus.Departed }, officers, [soon], AccountabilitySpec.Rules));
    }
}

public class IncidentRulesTests
{
    [Fact]
    public void Given_a_flown_flight_when_force_is_reported_then_the_facts_name_the_leg_and_the_duration_follows_from_start_and_end()
    {
        var force = new UseOfForceInput(RestraintTechnique.Handcuffs, Departure.AddMinutes(31), Departure.AddMinutes(58), AccountabilitySpec.OfficerId(2),
            MedicalAttentionGiven: true);
        var incident = AccountabilitySpec.Recorded(AccountabilitySpec.Report(category: IncidentCategory.UseOfForce, force: force), AccountabilitySpec.Flown());

        Assert.Equal(RouteSpec.Stansted, incident.Facts.StopId);
        Assert.Equal(27, (incident.Facts.UseOfForce!.EndedAt - incident.Facts.UseOfForce.StartedAt).TotalMinutes);
        Assert.True(incident.Facts.UseOfForce.MedicalAttentionGiven);
        Assert.Equal("What happened", incident.Narrative);
    }

    [Theory]
    [InlineData(IncidentPhase.PreDeparture, 0)]
    [InlineData(IncidentPhase.Boarding, 0)]
    [InlineData(IncidentPhase.InFlight, 0)]
    [InlineData(IncidentPhase.Handover, 1)]
    public void Given_a_one_leg_flight_when_no_stop_is_named_then_the_phase_says_which_end(IncidentPhase phase, int end)
    {
        var flight = AccountabilitySpec.Flown();
        Assert.Equal(flight.Stops[end].StopId, IncidentRules.StopOf(AccountabilitySpec.Report(phase), flight).Stop!.StopId);
    }

    [Fact]
    public void Given_a_three_stop_flight_then_the_stop_must_be_named_and_fit_the_phase()
    {
        var flight = Given(RouteSpec.PlannedVia(RouteSpec.ViaLille), Booked(), Allocated(60, 40), Manifested(Case(1)), AccountabilitySpec.Assigned(1));
        ThenRefused(IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.InFlight), flight).Refusal!, "has 3 stops");
        ThenRefused(IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.Stopover, stop: RouteSpec.Stansted), flight).Refusal!, "STN is not");
        ThenRefused(IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.Handover, stop: RouteSpec.Second), flight).Refusal!, "LIL is not one");
        ThenRefused(IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.InFlight, stop: RouteSpec.Third), flight).Refusal!, "TIA is the last");
        ThenRefused(IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.Boarding, stop: RouteSpec.Third), flight).Refusal!, "TIA boards nobody");
        ThenRefused(IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.InFlight, stop: Guid.NewGuid()), flight).Refusal!, "is not a stop");
        Assert.Equal(RouteSpec.Second, IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.Stopover, stop: RouteSpec.Second), flight).Stop!.StopId);
        Assert.Equal(RouteSpec.Second, IncidentRules.StopOf(AccountabilitySpec.Report(IncidentPhase.Boarding, stop: RouteSpec.Second), flight).Stop!.StopId);
    }

    [Fact]
    public void Given_a_report_naming_people_not_on_the_flight_or_dated_outside_the_duty_then_refused()
    {
        var flight = AccountabilitySpec.Flown();
        Decision Record(RecordIncident report) =>
            RecordIncidentEndpoint.Decide(report, Guid.NewGuid(), State.UK, flight, AccountabilitySpec.Rules, Departure.AddHours(3));

        ThenRefused(Record(AccountabilitySpec.Report(cases: [Case(9)])), "never on this flight's manifest");
        ThenRefused(Record(AccountabilitySpec.Report(officers: [AccountabilitySpec.OfficerId(9)])), "never on this flight's team");
        ThenRefused(Record(AccountabilitySpec.Report(category: IncidentCategory.UseOfForce, force: new UseOfForceInput(RestraintTechnique.EscortHold,
            Departure.AddMinutes(30), Departure.AddMinutes(35), AccountabilitySpec.OfficerId(9)))), "never on this flight's team");
        ThenRefused(Record(AccountabilitySpec.Report(at: Departure.AddHours(-5))), "before the escorts' duty");
        ThenRefused(Record(AccountabilitySpec.Report(at: Departure.AddHours(4))), "in the future");
        // A case withdrawn before departure may still be named: the incident may be why.
        var withdrawn = Given(Planned(), Booked(), Allocated(60, 40), Manifested(Case(1)), AccountabilitySpec.Assigned(1),
            new ReturneeWithdrawn(FlightId, Case(1), WithdrawalReason.Medical, Departure.AddHours(-1)));
        Assert.Null(RecordIncidentEndpoint.Decide(AccountabilitySpec.Report(IncidentPhase.PreDeparture, at: Departure.AddHours(-2)), Guid.NewGuid(),
            State.UK, withdrawn, AccountabilitySpec.Rules, Departure).Refusal);
    }

    [Fact]
    public void Given_the_fields_of_a_use_of_force_when_validated_then_a_missing_or_backward_force_is_named()
    {
        var validator = new RecordIncident.Validator();
        Assert.Contains(validator.Validate(AccountabilitySpec.Report(category: IncidentCategory.UseOfForce)).Errors, e => e.PropertyName == "UseOfForce");
        var backwards = new UseOfForceInput(RestraintTechnique.Carry, Departure.AddMinutes(40), Departure.AddMinutes(35), AccountabilitySpec.OfficerId(1));
        Assert.Contains(validator.Validate(AccountabilitySpec.Report(category: IncidentCategory.UseOfForce, force: backwards)).Errors,
            e => e.PropertyName == "UseOfForce.EndedAt");
        var early = new UseOfForceInput(RestraintTechnique.Carry, Departure, Departure.AddMinutes(35), AccountabilitySpec.OfficerId(1));
        Assert.Contains(validator.Validate(AccountabilitySpec.Report(category: IncidentCategory.UseOfForce, force: early)).Errors,
            e => e.PropertyName == "UseOfForce.StartedAt");
        Assert.True(new AmendIncident.Validator().Validate(new AmendIncident(Departure, IncidentPhase.InFlight, IncidentCategory.Other, "n", "")).Errors
            .Exists(e => e.PropertyName == "Reason"));
    }

    [Fact]
    public void Given_a_report_when_amended_then_restated_whole_with_the_reason_and_an_unchanged_amendment_is_refused()
    {
        var flight = AccountabilitySpec.Flown();
        var report = AccountabilitySpec.Report();
        var incident = AccountabilitySpec.Recorded(report, flight);
        var same = new AmendIncident(report.OccurredAt, report.Phase, report.Category, report.Narrative, "No change", CaseIds: [Case(1)],
            OfficerIds: [AccountabilitySpec.OfficerId(1)]);
        ThenRefused(RecordIncidentEndpoint.Decide(same, incident, flight, AccountabilitySpec.Rules, Departure.AddHours(3)), "as it already is");
        var amended = RecordIncidentEndpoint.Decide(same with { Serious = true, Reason = "Serious after all" }, incident, flight,
            AccountabilitySpec.Rules, Departure.AddHours(3));
        var after = Incident.Fold(incident, amended.Events.Single());
        Assert.Equal((true, "Serious after all"), (after.Facts.Serious, Assert.Single(after.Amendments).Reason));
        ThenRefused(RecordIncidentEndpoint.Decide(same with { Serious = true }, Incident.Fold(after, new IncidentNarrativeErased(after.Id, Now)), flight,
            AccountabilitySpec.Rules, Departure.AddHours(3)), "erased");
    }

    [Fact]
    public void Given_a_serious_incident_then_its_report_is_due_a_day_after_warned_six_hours_before_and_late_after()
    {
        var incident = AccountabilitySpec.Recorded(AccountabilitySpec.Report(serious: true), AccountabilitySpec.Flown());
        var due = incident.Facts.OccurredAt.AddHours(24);
        Assert.Equal(due, incident.ReportDueAt(AccountabilitySpec.Rules));
        Assert.Null(AccountabilityDeadlines.For(incident, AccountabilitySpec.Rules, due.AddHours(-7)));
        Assert.Equal((DeadlineKind.SeriousReportDue, due), AccountabilityDeadlines.For(incident, AccountabilitySpec.Rules, due.AddHours(-6)));
        Assert.Equal((DeadlineKind.SeriousReportOverdue, due), AccountabilityDeadlines.For(incident, AccountabilitySpec.Rules, due.AddMinutes(1)));
        Assert.Equal(SeriousReportStatus.Overdue, incident.ReportStatus(AccountabilitySpec.Rules, due.AddMinutes(1)));

        var sent = Incident.Fold(incident, new SeriousIncidentReported(incident.Id, "PSU", null, due.AddMinutes(-1)));
        Assert.Equal(SeriousReportStatus.Reported, sent.ReportStatus(AccountabilitySpec.Rules, due.AddDays(3)));
        Assert.Null(AccountabilityDeadlines.For(sent, AccountabilitySpec.Rules, due.AddDays(3)));
        var late = Incident.Fold(incident, new SeriousIncidentReported(incident.Id, "PSU", null, due.AddMinutes(1)));
        Assert.True(late.ReportLate(AccountabilitySpec.Rules, due.AddDays(3)));
        ThenRefused(RecordIncidentEndpoint.Decide(new ReportSeriousIncident("PSU"), late, due.AddDays(3)), "already sent");
        var notSerious = AccountabilitySpec.Recorded(AccountabilitySpec.Report(), AccountabilitySpec.Flown());
        ThenRefused(RecordIncidentEndpoint.Decide(new ReportSeriousIncident("PSU"), notSerious, Now), "not marked serious");
        Assert.Null(notSerious.ReportStatus(AccountabilitySpec.Rules, Now));
    }
}

public class MonitorReportRulesTests
{
    private static readonly Flight Monitored = Given(Planned(), Booked(), new MonitorAssigned(FlightId, "CGLPL", Now));

    [Fact]
    public void Given_a_monitored_flight_when_observations_then_the_report_are_made_then_the_report_is_open_until_each_finding_is_answered()
    {
        var observed = MonitorReportRules.Decide(new RecordObservation(Now, "Briefing held in English only"), Monitored, null, "CGLPL",
            Guid.NewGuid(), Now);
        var report = MonitorReport.Fold(null, observed.Events.Single());
        ThenRefused(MonitorReportRules.Decide(new SubmitMonitorReport([new FindingInput("x", FindingSeverity.Low)]), Monitored, report, "CGLPL",
            Guid.NewGuid, Now), "once the flight has left");

        var flown = Given(Planned(), Booked(), new MonitorAssigned(FlightId, "CGLPL", Now), Departed(0, 0));
        var submitted = MonitorReportRules.Decide(new SubmitMonitorReport(
            [new FindingInput("Briefing not translated", FindingSeverity.Medium), new FindingInput("Belt left on", FindingSeverity.High)]),
            flown, report, "CGLPL", Guid.NewGuid, Departure.AddDays(1));
        report = MonitorReport.Fold(report, submitted.Events.Single());
        Assert.Equal((MonitorReportStatus.Open, 1, 2), (report.Status, report.Observations.Count, report.Findings.Count));
        ThenRefused(MonitorReportRules.Decide(new RecordObservation(Now, "late"), flown, report, "CGLPL", Guid.NewGuid(), Now), "was submitted");
        ThenRefused(MonitorReportRules.Decide(new SubmitMonitorReport([]), flown, report, "CGLPL", Guid.NewGuid, Now), "was submitted");

        var first = MonitorReportRules.Decide(new AnswerFinding(true, "Interpreter at every briefing"), report, report.Findings[0].FindingId,
            State.UK, Departure.AddDays(2));
        report = MonitorReport.Fold(report, first.Events.Single());
        Assert.Equal(MonitorReportStatus.Open, report.Status);
        ThenRefused(MonitorReportRules.Decide(new AnswerFinding(false, Reason: "No"), report, report.Findings[0].FindingId, State.UK, Now),
            "already answered");
        ThenRefused(MonitorReportRules.Decide(new AnswerFinding(false, Reason: "No"), report, Guid.NewGuid(), State.UK, Now), "is not a finding");
        report = MonitorReport.Fold(report, MonitorReportRules.Decide(new AnswerFinding(false, Reason: "Belt removed at once"), report,
            report.Findings[1].FindingId, State.UK, Departure.AddDays(3)).Events.Single());
        Assert.Equal((MonitorReportStatus.Closed, Departure.AddDays(3)), (report.Status, report.ClosedAt));
    }

    [Fact]
    public void Given_an_answer_then_accepted_needs_an_action_and_rejected_a_reason_not_both()
    {
        var validator = new AnswerFinding.Validator();
        Assert.False(validator.Validate(new AnswerFinding(true)).IsValid);
        Assert.False(validator.Validate(new AnswerFinding(false)).IsValid);
        Assert.False(validator.Validate(new AnswerFinding(true, "a", "b")).IsValid);
        Assert.True(validator.Validate(new AnswerFinding(false, Reason: "b")).IsValid);
    }

    [Fact]
    public void Given_findings_unanswered_then_the_lead_state_is_reminded_after_the_answer_time_and_again_after_each_one()
    {
        var report = new MonitorReport(Guid.NewGuid(), FlightId, "CGLPL", [], [new Finding(Guid.NewGuid(), "x", FindingSeverity.Low, null)], Now);
        Assert.Null(AccountabilityDeadlines.Reminder(report, AccountabilitySpec.Rules, Now.AddDays(13)));
        Assert.Equal(Now.AddDays(14), AccountabilityDeadlines.Reminder(report, AccountabilitySpec.Rules, Now.AddDays(20)));
        Assert.Equal(Now.AddDays(28), AccountabilityDeadlines.Reminder(report, AccountabilitySpec.Rules, Now.AddDays(29)));
        var answered = report with { Findings = [report.Findings[0] with { Answer = new FindingAnswer(State.UK, true, "a", null, Now) }] };
        Assert.Null(AccountabilityDeadlines.Reminder(answered, AccountabilitySpec.Rules, Now.AddDays(29)));
        Assert.Equal(MonitorReportStatus.Closed, (report with { Findings = [] }).Status);
    }
}

public class ComplaintRulesTests
{
    private static Complaint Made() => Complaint.Fold(null, new ComplaintMade(Guid.NewGuid(), Case(1), "AGDREF-1", AccountabilitySpec.OfficerId(1),
        "UK-1", State.UK, State.FR, FlightId, "Too tight", Now));

    [Fact]
    public void Given_a_complaint_then_it_is_received_examined_and_concluded_in_that_order_by_the_officers_state()
    {
        var complaint = Made();
        ThenRefused(ComplaintRules.Examine(complaint, Now), "receipt first");
        ThenRefused(ComplaintRules.Conclude(new ConcludeComplaint(ComplaintOutcome.Upheld, "s"), complaint, Now), "receipt first");
        complaint = Complaint.Fold(complaint, ComplaintRules.Receive(complaint, Now).Events.Single());
        ThenRefused(ComplaintRules.Receive(complaint, Now), "already recorded");
        ThenRefused(ComplaintRules.Conclude(new ConcludeComplaint(ComplaintOutcome.Upheld, "s"), complaint, Now), "Begin the examination");
        Assert.Null(ComplaintRules.Conclude(new ConcludeComplaint(ComplaintOutcome.Withdrawn, "Withdrawn by the returnee"), complaint, Now).Refusal);
        complaint = Complaint.Fold(complaint, ComplaintRules.Examine(complaint, Now).Events.Single());
        complaint = Complaint.Fold(complaint, ComplaintRules.Conclude(new ConcludeComplaint(ComplaintOutcome.NotUpheld, "Witnesses"), complaint, Now)
            .Events.Single());
        Assert.Equal((ComplaintStatus.Concluded, ComplaintOutcome.NotUpheld), (complaint.Status, complaint.Outcome));
        ThenRefused(ComplaintRules.Conclude(new ConcludeComplaint(ComplaintOutcome.Upheld, "s"), complaint, Now), "already concluded");

        Assert.Null(ComplaintRules.Handler(Actors.UkPlanner, complaint));
        Assert.NotNull(ComplaintRules.Handler(Actors.FrPlanner, complaint));
    }
}

public class AccessRulesTests
{
    [Fact]
    public void A_monitor_reads_and_writes_only_for_the_organisation_named_on_the_flight()
    {
        var imb = Actors.Monitor("Independent Monitoring Boards");
        Assert.True(imb.MonitorsFor("independent monitoring boards"));
        Assert.False(imb.MonitorsFor("CGLPL"));
        Assert.False(imb.MonitorsFor(null));
        Assert.False(Actors.UkPlanner.MonitorsFor("Independent Monitoring Boards"));
        Assert.Null(FlightAccess.Monitor(Actors.UkPlanner, null));
        Assert.NotNull(FlightAccess.Monitor(imb, "CGLPL"));
    }

    [Fact]
    public void A_monitor_token_without_an_organisation_names_no_actor()
    {
        var claims = new[]
        {
            new System.Security.Claims.Claim(Claims.Subject, "m"), new System.Security.Claims.Claim(Claims.Role, "Monitor"),
            new System.Security.Claims.Claim(Claims.State, "FR"),
        };
        Assert.Null(Actor.TryFrom(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test"))));
        Assert.Equal("CGLPL", Actor.TryFrom(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([.. claims, new System.Security.Claims.Claim(Claims.Organisation, "CGLPL")], "test")))!.Organisation);
    }
}
