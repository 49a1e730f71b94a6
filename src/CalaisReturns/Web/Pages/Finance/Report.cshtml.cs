using CalaisReturns.Finance.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>A period's cost-share report, a chart of each state's share and paid per month, and downloads.</summary>
public sealed class ReportModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public CostShareReport? Report { get; private set; }
    public IReadOnlyList<ShareChart> Charts { get; private set; } = [];
    public string? PeriodError { get; private set; }

    public async Task OnGet(CancellationToken ct)
    {
        Period ??= clock.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (CalaisReturns.Core.Period.Parse(Period) is not { } period)
        {
            PeriodError = CalaisReturns.Core.Period.Expected;
            return;
        }

        Report = await GetCostShareReportEndpoint.Live(session, period, ct);
        var months = new List<CostShareReport>();
        foreach (var month in period.Months())
        {
            months.Add(await GetCostShareReportEndpoint.Live(session, month, ct));
        }

        Charts = ShareChart.Build(months);
    }
}
