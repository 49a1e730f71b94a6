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
        var answer = await ApiAnswer<IReadOnlyList<CaseSummary>>.Of(GetCasesEndpoint.GetCases(
            string.IsNullOrEmpty(State) ? null : State, string.IsNullOrEmpty(Status) ? null : Status, session, User, ct));
        if (answer.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }

        Cases = answer.Value ?? [];
        return Page();
    }

    public static IEnumerable<string> Statuses => Enum.GetNames<CaseStatus>();
}
