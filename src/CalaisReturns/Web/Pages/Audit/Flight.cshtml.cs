using System.Globalization;
using CalaisReturns.Core.History;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights.History;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Audit;

/// <summary>
/// A flight's event timeline with who, when and why, and the flight and its cost share replayed
/// from the events as they stood at the chosen instant (the same replay as the API's asOf).
/// </summary>
public sealed class FlightModel(IQuerySession session, CalaisReturns.Accountability.AccountabilityRules rules, TimeProvider clock) : PageModel
{
    /// <summary>The instant as a <c>datetime-local</c> value, read in the reader's zone.</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public DateTimeOffset? Instant { get; private set; }
    public string? AsOfError { get; private set; }
    public FlightSchedule? Flight { get; private set; }
    public FlightCostShare? Share { get; private set; }
    public HistoryPage History { get; private set; } = null!;

    /// <summary>The events of the flight's incidents and monitor's report, and both as they stood at the instant.</summary>
    public HistoryPage Accountability { get; private set; } = null!;
    public IReadOnlyList<CalaisReturns.Accountability.Incidents.IncidentView> Incidents { get; private set; } = [];
    public CalaisReturns.Accountability.Monitoring.MonitorReport? Report { get; private set; }
    public Guid FlightId { get; private set; }

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        FlightId = flightId;
        if (await FlightHistory.Page(session, flightId, HistoryFilter.All, ct) is not { } history)
        {
            return NotFound();
        }

        if (FlightHistory.Forbid(Actor.From(User), history.Start) is not null)
        {
            return Forbid();
        }

        History = history.Page;
        // The form's datetime-local value is a wall-clock time in the reader's zone; an ISO instant passes as it is.
        var asOf = string.IsNullOrWhiteSpace(AsOf) ? null
            : DateTime.TryParseExact(AsOf, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local)
                ? ReaderZones.ToUtc(local, ReaderZones.Current).ToString("O", CultureInfo.InvariantCulture)
                : AsOf;
        var (travel, errors) = TimeTravel.Parse(asOf, null);
        if (travel is null)
        {
            AsOfError = string.Join(" ", errors.Values.SelectMany(e => e));
            travel = TimeTravel.Now;
        }

        Instant = travel.AsOf;
        Flight = await FlightSchedules.Flight(session, flightId, travel, ct);
        Share = await travel.Load<FlightCostShare>(session, flightId, ct);
        Accountability = await EventHistory.Page(session,
            await CalaisReturns.Accountability.AccountabilityHistory.StreamsOf(session, flightId, ct), HistoryFilter.All, ct);
        if (Flight is not null)
        {
            (_, Incidents) = await CalaisReturns.Accountability.Incidents.GetIncidentsEndpoint.Views(session, Flight, Actor.From(User),
                travel.AsOf, rules, clock.GetUtcNow(), ct);
            Report = await travel.Load<CalaisReturns.Accountability.Monitoring.MonitorReport>(session,
                CalaisReturns.Accountability.Monitoring.MonitorReport.IdFor(flightId), ct);
        }

        return Page();
    }
}
