using CalaisReturns.Cases.History;
using CalaisReturns.Core.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Audit;

/// <summary>A case's event timeline; the history never holds a name or date of birth.</summary>
public sealed class CaseModel(IQuerySession session) : PageModel
{
    public HistoryPage History { get; private set; } = null!;
    public Guid CaseId { get; private set; }

    public async Task<IActionResult> OnGet(Guid caseId, CancellationToken ct)
    {
        CaseId = caseId;
        var history = await ApiAnswer<HistoryPage>.Of(GetCaseHistoryEndpoint.Get(caseId, null, null, null, null,
            HistoryFilter.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), session, User, ct));
        if (history.Value is null)
        {
            return NotFound();
        }

        History = history.Value;
        return Page();
    }
}
