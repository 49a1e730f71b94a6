using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core.History;
using CalaisReturns.Flights;
using CalaisReturns.Flights.History;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Flights;

/// <summary>One flight: what the schedule knows, the manifest as the API shows it to this person, the
/// status timeline where they may read the history, and the changes their role and state may make.</summary>
public sealed class DetailModel(IQuerySession session) : PageModel
{
    public FlightSchedule Flight { get; private set; } = null!;
    public ManifestView Manifest { get; private set; } = null!;
    public HistoryPage? History { get; private set; }
    public string? HistoryRefusal { get; private set; }
    public IReadOnlyList<CaseSummary> CasesToManifest { get; private set; } = [];
    public Actor Actor => Actor.From(User);

    public IReadOnlyDictionary<string, string> CaseLabels =>
        CasesToManifest.ToDictionary(c => c.Id.ToString(), c => $"{c.CaseReference} · {c.FullName ?? "name erased"} · {c.Nationality}");

    public bool IsLeadPlanner => Actor.IsPlannerOf(Flight.LeadState);

    public bool IsParticipatingPlanner => Actor.Role == Role.Planner && Flight.ParticipatingStates.Contains(Actor.State);

    public bool IsOpen => Flight.Status is FlightStatus.Planned or FlightStatus.Booked;

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        var flight = await ApiAnswer<FlightSchedule>.Of(GetScheduleEndpoint.GetFlight(flightId, null, null, session, ct));
        if (flight.Value is null)
        {
            return NotFound();
        }

        Flight = flight.Value;
        Manifest = (await ApiAnswer<ManifestView>.Of(GetManifestEndpoint.Get(flightId, null, null, session, User, ct))).Value!;
        var history = await ApiAnswer<HistoryPage>.Of(GetFlightHistoryEndpoint.Get(flightId, null, null, null, null, "500",
            session, User, ct));
        History = history.Value;
        HistoryRefusal = history.Problem?.Detail;
        if (IsParticipatingPlanner && IsOpen)
        {
            var cases = await ApiAnswer<IReadOnlyList<CaseSummary>>.Of(GetCasesEndpoint.GetCases(Actor.State.ToString(),
                nameof(CaseStatus.Open), session, User, ct));
            CasesToManifest = [.. (cases.Value ?? []).Where(c => c.CurrentFlightId is null)];
        }

        return Page();
    }
}
