using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Cases;

/// <summary>Cases as the API lists them to this person: planners their own state's, with names.</summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public Actor Actor => Actor.From(User);

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        var state = Enum.TryParse<State>(State, out var s) ? s : (State?)null;
        var status = Enum.TryParse<CaseStatus>(Status, out var st) ? st : (CaseStatus?)null;
        if (await CaseSummaries.Query(session, Actor, state, status, ct) is not { } cases)
        {
            return Forbid();
        }

        Cases = cases;
        return Page();
    }

}
