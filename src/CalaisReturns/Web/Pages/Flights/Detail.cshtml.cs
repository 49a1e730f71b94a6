using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core.History;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights;
using CalaisReturns.Flights.History;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Flights;

/// <summary>One flight: what the schedule knows, the manifest as the API shows it to this person, the
/// status timeline where they may read the history, and the changes their role and state may make.</summary>
public sealed class DetailModel(IQuerySession session, ManifestRules rules) : PageModel
{
    public FlightSchedule Flight { get; private set; } = null!;
    public ManifestView Manifest { get; private set; } = null!;
    public HistoryPage? History { get; private set; }
    public string? HistoryRefusal { get; private set; }
    public IReadOnlyList<CaseSummary> CasesToManifest { get; private set; } = [];
    public Actor Actor => Actor.From(User);

    public IReadOnlyDictionary<string, string> CaseLabels =>
        CasesToManifest.ToDictionary(c => c.Id.ToString(), c => $"{c.CaseReference} · {c.FullName ?? Texts.Get("Flight.NameErased")} · {c.Nationality}");

    /// <summary>The flight's warnings in the reader's language.</summary>
    public IEnumerable<Text> Warnings => ScheduleWarnings.Current(Flight, rules.EscortsPerReturnee);

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

        Flight = flight;
        Manifest = await ManifestView.Of(session, flight, Actor, ct);
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
