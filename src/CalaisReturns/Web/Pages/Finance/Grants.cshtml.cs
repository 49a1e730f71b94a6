using CalaisReturns.Finance.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>
/// A state's co-financing still to come: grants not yet claimed, by deadline, and claims not yet paid. Read by the same
/// query as <c>GET /api/reports/grants</c>, on the same day.
/// </summary>
public sealed class GrantsModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "state")] public string? StateName { get; set; }

    public GrantsReport? Report { get; private set; }
    public string? StateError { get; private set; }
    public Actor Actor => Actor.From(User);

    public async Task OnGet(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (GetGrantsReportEndpoint.StateOf(StateName, User, errors) is not { } state || errors.Count > 0)
        {
            StateError = string.Join(" ", errors.Values.SelectMany(e => e));
            return;
        }

        Report = await GrantsReport.Query(session, state, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
    }
}
