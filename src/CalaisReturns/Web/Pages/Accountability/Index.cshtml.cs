using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Accountability;

/// <summary>
/// A period's accountability figures per flight and in total — incidents, uses of force and their minutes, late serious
/// reports, the monitors' findings — as the API gives them to this person (a planner: their state's flights), and downloads.
/// </summary>
[Authorize(Policy = AccessPolicies.AccountabilityReader)]
public sealed class IndexModel(IQuerySession session, TimeProvider clock, AccountabilityRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public AccountabilityReport? Report { get; private set; }
    public string? PeriodError { get; private set; }

    /// <summary>"Month 2026-12, quarter 2026-Q4 or year 2026": examples of this year.</summary>
    public string PeriodHint => Texts.Format("Finance.PeriodHint", Core.Period.Of(clock.GetUtcNow()).Select(p => p.Name).ToArray<object?>());

    public async Task OnGet(CancellationToken ct)
    {
        Period ??= Core.Period.MonthOf(clock.GetUtcNow()).Name;
        if (Core.Period.Parse(Period) is not { } period)
        {
            PeriodError = Core.Period.Expected;
            return;
        }

        Report = await AccountabilityReports.Live(session, period, Actor.From(User), rules, clock.GetUtcNow(), ct);
    }
}
