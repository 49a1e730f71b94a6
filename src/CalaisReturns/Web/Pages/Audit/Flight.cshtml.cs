using CalaisReturns.Core.History;
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
public sealed class FlightModel(IQuerySession session) : PageModel
{
    /// <summary>The instant as a <c>datetime-local</c> value, read as UTC.</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public DateTimeOffset? Instant { get; private set; }
    public string? AsOfError { get; private set; }
    public FlightSchedule? Flight { get; private set; }
    public FlightCostShare? Share { get; private set; }
    public HistoryPage History { get; private set; } = null!;
    public Guid FlightId { get; private set; }

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        FlightId = flightId;
        var history = await ApiAnswer<HistoryPage>.Of(GetFlightHistoryEndpoint.Get(flightId, null, null, null, null,
            HistoryFilter.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), session, User, ct));
        if (history.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        History = history.Value!;
        var asOf = string.IsNullOrWhiteSpace(AsOf) ? null : AsOf.Length == 16 ? AsOf + ":00Z" : AsOf;
        var flight = await ApiAnswer<FlightSchedule>.Of(GetScheduleEndpoint.GetFlight(flightId, asOf, null, session, ct));
        if (flight.Problem is Microsoft.AspNetCore.Http.HttpValidationProblemDetails invalid)
        {
            AsOfError = string.Join(" ", invalid.Errors.Values.SelectMany(e => e));
            flight = await ApiAnswer<FlightSchedule>.Of(GetScheduleEndpoint.GetFlight(flightId, null, null, session, ct));
            asOf = null;
        }

        Instant = asOf is null ? null : DateTimeOffset.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        Flight = flight.Value;
        Share = (await ApiAnswer<FlightCostShare>.Of(GetCostShareEndpoint.Get(flightId, asOf, null, session, ct))).Value;
        return Page();
    }
}
