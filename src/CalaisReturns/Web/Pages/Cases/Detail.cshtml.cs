using CalaisReturns.Cases.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Cases;

public sealed class DetailModel(IQuerySession session) : PageModel
{
    public CaseSummary Case { get; private set; } = null!;
    public Actor Actor => Actor.From(User);
    public bool IsOwnerPlanner => Actor.IsPlannerOf(Case.OwningState);

    /// <summary>The flight the case is on, if any: named on the page by its reference.</summary>
    public CalaisReturns.Flights.Scheduling.FlightSchedule? Flight { get; private set; }

    /// <summary>Where on its flight's route the case is handed over.</summary>
    public string? DropOffAirport => Flight?.Manifest.LastOrDefault(m => m.CaseId == Case.Id) is { } entry
        ? Flight.StopOf(entry.DropOffStopId)?.Airport
        : Flight?.DestinationAirport;

    public async Task<IActionResult> OnGet(Guid caseId, CancellationToken ct)
    {
        if (await session.LoadAsync<CaseSummary>(caseId, ct) is not { } summary)
        {
            return NotFound();
        }

        if (CaseSummaries.SeenBy(summary, Actor) is not { } seen)
        {
            return Forbid();
        }

        Case = seen;
        if (seen.CurrentFlightId is { } flightId)
        {
            Flight = await CalaisReturns.Flights.Scheduling.FlightSchedules.Flight(session, flightId, CalaisReturns.Core.Http.TimeTravel.Now, ct);
        }

        return Page();
    }
}
