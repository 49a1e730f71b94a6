using CalaisReturns.Accountability.Complaints;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Cases.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Complaints;

/// <summary>
/// Complaints as the API lists them to this person — a planner's state's (about its officers, or made by it) with their
/// texts, every one without them for auditors — and the forms of a planner: make one for a case of their state about an
/// officer of their roster; as the officer's state, record its receipt, examination and outcome.
/// </summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ComplaintView> Complaints { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CaseChoices { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> OfficerChoices { get; private set; } = new Dictionary<string, string>();
    public Actor Actor => Actor.From(User);

    public bool MayMake => Actor.Role == Role.Planner;

    public bool MayHandle(ComplaintView complaint) => ComplaintRules.Handler(Actor, complaint.OfficerState) is null;

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        if (await ComplaintEndpoints.Query(session, Actor, ct) is not { } complaints)
        {
            return Forbid();
        }

        Complaints = complaints;
        if (MayMake)
        {
            var cases = await CaseSummaries.Query(session, Actor, Actor.State, null, ct) ?? [];
            CaseChoices = cases.ToDictionary(c => c.Id.ToString(), c => c.CaseReference);
            var roster = await RosterEndpoints.Of(session, Actor.State, ct);
            OfficerChoices = roster.ToDictionary(o => o.Id.ToString(), o => $"{o.StaffNumber} · {o.Grade}");
        }

        return Page();
    }
}
