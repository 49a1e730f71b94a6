using CalaisReturns.Cases.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Cases;

public sealed class DetailModel(IQuerySession session) : PageModel
{
    public CaseSummary Case { get; private set; } = null!;
    public Actor Actor => Actor.From(User);
    public bool IsOwnerPlanner => Actor.IsPlannerOf(Case.OwningState);

    public async Task<IActionResult> OnGet(Guid caseId, CancellationToken ct)
    {
        var answer = await ApiAnswer<CaseSummary>.Of(GetCasesEndpoint.GetCase(caseId, session, User, ct));
        switch (answer.Status)
        {
            case StatusCodes.Status404NotFound:
                return NotFound();
            case StatusCodes.Status403Forbidden:
                return Forbid();
        }

        Case = answer.Value!;
        return Page();
    }
}
