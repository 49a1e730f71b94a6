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

    /// <summary>"Month 2026-12, quarter 2026-Q4 or year 2026": examples of this year.</summary>
    public string PeriodHint => Texts.Format("Finance.PeriodHint", Core.Period.Of(clock.GetUtcNow()).Select(p => p.Name).ToArray<object?>());

    /// <summary>The period's report to link to: the one asked for, or by default this year's.</summary>
    public string ReportPeriod => string.IsNullOrWhiteSpace(Period) ? Core.Period.Of(clock.GetUtcNow())[2].Name : Period;

    /// <summary>Without a period: the flights of this month and the eleven after it, those finance works on next.</summary>
    public bool Coming => string.IsNullOrWhiteSpace(Period);

    public async Task OnGet(CancellationToken ct)
    {
        var (from, to) = (Core.Period.MonthOf(clock.GetUtcNow()).From, Core.Period.MonthOf(clock.GetUtcNow()).From.AddMonths(12));
        if (!Coming)
        {
            if (CalaisReturns.Core.Period.Parse(Period) is not { } period)
            {
                PeriodError = CalaisReturns.Core.Period.Expected;
                return;
            }

            (from, to) = (period.From, period.To);
        }

        var flights = await FlightSchedules.Query(session, ScheduleFilter.Between(from, to), ct);
        var shares = (await session.LoadManyAsync<FlightCostShare>(ct, flights.Select(f => f.Id))).ToDictionary(s => s.Id);
        Flights = [.. flights.Select(f => (f, shares.GetValueOrDefault(f.Id)))];
    }
}
