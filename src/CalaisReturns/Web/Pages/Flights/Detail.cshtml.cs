using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core.History;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights;
using CalaisReturns.Flights.History;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Finance.Budgets.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Flights;

/// <summary>One flight: what the schedule knows, the manifest as the API shows it to this person, the
/// status timeline where they may read the history, the named team, incidents and monitor's report as far as they may
/// read them, and the changes their role and state may make. A monitor opens only the flights of their organisation.</summary>
[Authorize(Policy = AccessPolicies.FlightReader)]
public sealed class DetailModel(IQuerySession session, ManifestRules rules, AccountabilityRules accountability, TimeProvider clock,
    IConfiguration configuration) : PageModel
{
    public FlightSchedule Flight { get; private set; } = null!;
    public ManifestView Manifest { get; private set; } = null!;
    public HistoryPage? History { get; private set; }
    public string? HistoryRefusal { get; private set; }
    public IReadOnlyList<CaseSummary> CasesToManifest { get; private set; } = [];
    public Actor Actor => Actor.From(User);

    public IReadOnlyDictionary<string, string> CaseLabels =>
        CasesToManifest.ToDictionary(c => c.Id.ToString(), c => $"{c.CaseReference} · {c.FullName ?? Texts.Get("Flight.NameErased")} · {c.Nationality}");

    /// <summary>The flight's warnings in the reader's language, its named officers' and the budgets' among them.</summary>
    public IEnumerable<Text> Warnings => ScheduleWarnings.Current(Flight, rules.EscortsPerReturnee).Concat(TeamWarnings).Concat(BudgetWarnings);

    public IReadOnlyList<Text> BudgetWarnings { get; private set; } = [];

    public IReadOnlyList<Text> TeamWarnings { get; private set; } = [];

    /// <summary>The officers of the reader's state's roster who may join the team: still on the roster, not on it already.</summary>
    public IReadOnlyList<Officer> Assignable { get; private set; } = [];

    /// <summary>The incidents as the reader may see them; null where they may not (finance, other states' planners).</summary>
    public IReadOnlyList<IncidentView>? Incidents { get; private set; }

    /// <summary>The monitor's report where the reader may read it: null before the monitor's first note.</summary>
    public MonitorReportView? MonitorsReport { get; private set; }

    public bool MayReadMonitorReport => MonitorReportEndpoints.Reader(Actor, Flight) is null;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>How long after a serious incident its report is due, in hours.</summary>
    public double SeriousReportHours => accountability.SeriousReportDue.TotalHours;

    /// <summary>Until it departs, a participating state's planners name their officers on the team and take them off it.</summary>
    public bool MayChangeTeam => IsParticipatingPlanner && Flight.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked;

    /// <summary>Once the officers' duty has begun, the crew of a state taking part records what happens.</summary>
    public bool MayRecordIncident => RecordIncidentEndpoint.Crew(Actor, Flight) is null && Flight.Status != FlightStatus.Cancelled
        && OfficerWarnings.Duty(Flight, accountability).From <= Now;

    /// <summary>
    /// The crew of a state taking part relays a returnee's complaint about an officer of the team (the API checks that the
    /// case or the officer is of the crew's state, and routes it to the officer's).
    /// </summary>
    public bool MayComplain => RecordIncidentEndpoint.Crew(Actor, Flight) is null && Flight.Officers.Count > 0 && Flight.Manifest.Count > 0;

    /// <summary>The reporting state's crew amends its report, while its narrative is there to state again.</summary>
    public bool MayAmend(IncidentView incident) => Actor.IsCrewOf(incident.ReportedBy) && incident.Narrative is not null;

    /// <summary>The reporting state's crew says when a serious incident's report was sent.</summary>
    public bool MaySendSeriousReport(IncidentView incident) =>
        incident is { Serious: true, SeriousReport.ReportedAt: null } && Actor.IsCrewOf(incident.ReportedBy);

    public bool IsAssignedMonitor => Actor.MonitorsFor(Flight.MonitorOrganisation);

    /// <summary>The monitor notes what is seen until the report is submitted, and submits it once the flight has left.</summary>
    public bool MayObserve => IsAssignedMonitor && Flight.Status != FlightStatus.Cancelled && MonitorsReport?.SubmittedAt is null;

    public bool MaySubmitFindings => IsAssignedMonitor && Flight.Status is FlightStatus.Departed or FlightStatus.Completed
        && MonitorsReport?.SubmittedAt is null;

    /// <summary>A submitted finding not yet answered, which the lead state's planners answer.</summary>
    public bool MayAnswer(Finding finding) => IsLeadPlanner && finding.Answer is null;

    public string StopLabel(Guid? stopId) => stopId is { } id && Flight.Stops.FindIndex(s => s.StopId == id) is var i and >= 0
        ? $"{i + 1}. {Flight.Stops[i].Airport}"
        : "—";

    public bool IsLeadPlanner => Actor.IsPlannerOf(Flight.LeadState);

    public bool IsParticipatingPlanner => Actor.Role == Role.Planner && Flight.ParticipatingStates.Contains(Actor.State);

    public bool IsOpen => Flight.Status is FlightStatus.Planned or FlightStatus.Booked;

    /// <summary>Until it departs, the lead state's planners may change the route.</summary>
    public bool MayChangeRoute => IsLeadPlanner && Flight.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked;

    /// <summary>Once it has left, the lead state's planners record its way along the route.</summary>
    public bool IsUnderway => IsLeadPlanner && Flight.Status == FlightStatus.Departed;

    public int DropOffs => Flight.Stops.Count(s => s.Planned.IsDropOff());

    public string AirportOf(Guid stopId) => Flight.StopOf(stopId)?.Airport ?? "—";

    /// <summary>The stop the aircraft lands at next, once it has left the first.</summary>
    public ScheduleStop? NextArrival => Flight.Stops.Skip(1).FirstOrDefault(s => s.ActualArrival is null);

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        if (await FlightSchedules.Flight(session, flightId, TimeTravel.Now, ct) is not { } flight)
        {
            return NotFound();
        }

        if (FlightAccess.Monitor(Actor, flight.MonitorOrganisation) is not null)
        {
            return Forbid();
        }

        Flight = flight;
        Manifest = await ManifestView.Of(session, flight, Actor, ct);
        TeamWarnings = [.. (await OfficerWarnings.Reader(session, [flight], accountability, ct))(flight)];
        BudgetWarnings = [.. (await BudgetReports.Warnings(session, [flight], BudgetReports.PlanningRate(configuration), Actor.ReadsMoney, ct))(flight.Id)];
        if (MayChangeTeam)
        {
            var onTeam = flight.Officers.Where(o => !o.Released).Select(o => o.OfficerId).ToHashSet();
            Assignable = [.. (await RosterEndpoints.Of(session, Actor.State, ct)).Where(o => o.LeftAt is null && !onTeam.Contains(o.Id))];
        }

        var (incidentsForbidden, incidents) = await GetIncidentsEndpoint.Views(session, flight, Actor, null, accountability, Now, ct);
        Incidents = incidentsForbidden is null ? incidents : null;
        if (MayReadMonitorReport && await session.LoadAsync<MonitorReport>(MonitorReport.IdFor(flight.Id), ct) is { } report)
        {
            MonitorsReport = MonitorReportView.Of(report, flight.Reference, flight.LeadState);
        }

        if (await FlightHistory.Page(session, flightId, HistoryFilter.All, ct) is { } history)
        {
            HistoryRefusal = FlightHistory.Forbid(Actor, history.Start)?.ToString();
            History = HistoryRefusal is null ? history.Page : null;
        }

        if (IsParticipatingPlanner && IsOpen)
        {
            var cases = await CaseSummaries.Query(session, Actor, Actor.State, CaseStatus.Open, ct);
            CasesToManifest = [.. (cases ?? []).Where(c => c.CurrentFlightId is null)];
        }

        return Page();
    }
}
