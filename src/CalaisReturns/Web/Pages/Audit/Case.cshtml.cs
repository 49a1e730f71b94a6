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
        if (await CaseHistory.Page(session, caseId, HistoryFilter.All, ct) is not { } history)
        {
            return NotFound();
        }

        if (CaseHistory.Forbid(Actor.From(User), history.Start) is not null)
        {
            return Forbid();
        }

        History = history.Page;
        return Page();
    }
}
