using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>The flights departing in a period with where each one's cost share stands.</summary>
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public IReadOnlyList<(FlightSchedule Flight, FlightCostShare? Share)> Flights { get; private set; } = [];
    public string? PeriodError { get; private set; }

    public async Task OnGet(CancellationToken ct)
    {
        Period ??= clock.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (CalaisReturns.Core.Period.Parse(Period) is not { } period)
        {
            PeriodError = CalaisReturns.Core.Period.Expected;
            return;
        }

        var flights = await FlightSchedules.Query(session, ScheduleFilter.Between(period.From, period.To), ct);
        var shares = (await session.LoadManyAsync<FlightCostShare>(ct, flights.Select(f => f.Id))).ToDictionary(s => s.Id);
        Flights = [.. flights.Select(f => (f, shares.GetValueOrDefault(f.Id)))];
    }
}
