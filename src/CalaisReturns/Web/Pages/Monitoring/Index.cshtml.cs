using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Monitoring;

/// <summary>A monitor's start page: the flights their organisation is assigned to, each opening on its flight page.</summary>
[Authorize(Policy = AccessPolicies.Monitor)]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<FlightSchedule> Flights { get; private set; } = [];
    public Actor Actor => Actor.From(User);

    public async Task OnGet(CancellationToken ct) => Flights = await MonitoredFlights.Of(session, Actor, ct);
}
