using CalaisReturns.Core.Http;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>One flight's cost lines, split, rate, shares and balance, and the finance changes.</summary>
public sealed class FlightModel(IQuerySession session) : PageModel
{
    public FlightCostShare Share { get; private set; } = null!;
    public Actor Actor => Actor.From(User);
    public bool MayChange => FinanceAccess.Participant(Actor, Share.Facts) is null;
    public bool MayReadStatement => FinanceAccess.Reader(Actor, Share.Facts) is null;

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        if (await TimeTravel.Now.Load<FlightCostShare>(session, flightId, ct) is not { } share)
        {
            return NotFound();
        }

        Share = share;
        return Page();
    }
}
