using CalaisReturns.Finance.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>A period's cost-share report, a chart of each state's share and paid per month, and downloads.</summary>
public sealed class ReportModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public CostShareReport? Report { get; private set; }

    /// <summary>For a month: its closure (who closed it, whether it is closed, who asked to reopen it) with the report.</summary>
    public CalaisReturns.Finance.Periods.PeriodStatus? Closure { get; private set; }

    public Actor Actor => Actor.From(User);
    public IReadOnlyList<ShareChart> Charts { get; private set; } = [];
    public string? PeriodError { get; private set; }

    /// <summary>"Month 2026-12, quarter 2026-Q4 or year 2026": examples of this year.</summary>
    public string PeriodHint => Texts.Format("Finance.PeriodHint", Core.Period.Of(clock.GetUtcNow()).Select(p => p.Name).ToArray<object?>());

    public async Task OnGet(CancellationToken ct)
    {
        Period ??= clock.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (CalaisReturns.Core.Period.Parse(Period) is not { } period)
        {
            PeriodError = CalaisReturns.Core.Period.Expected;
            return;
        }

        if (period.Months().Count == 1)
        {
            Closure = await CalaisReturns.Finance.Periods.GetPeriodEndpoint.Query(session, period, ct);
            Report = Closure.Report;
        }
        else
        {
            Report = await CalaisReturns.Finance.Periods.MonthReports.Current(session, period, ct);
        }

        var months = new List<CostShareReport>();
        foreach (var month in period.Months())
        {
            months.Add(await CalaisReturns.Finance.Periods.MonthReports.Current(session, month, ct));
        }

        Charts = ShareChart.Build(months);
    }
}
