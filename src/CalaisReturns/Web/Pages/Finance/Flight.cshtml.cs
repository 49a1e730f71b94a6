using CalaisReturns.Finance.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages.Finance;

/// <summary>One flight's cost lines, split, rate, shares and balance, and the finance changes.</summary>
public sealed class FlightModel(IQuerySession session) : PageModel
{
    public FlightCostShare Share { get; private set; } = null!;
    public Actor Actor => Actor.From(User);
    public bool MayChange => Actor.Role == Role.Finance && Share.Facts.Participates(Actor.State);

    public async Task<IActionResult> OnGet(Guid flightId, CancellationToken ct)
    {
        var answer = await ApiAnswer<FlightCostShare>.Of(GetCostShareEndpoint.Get(flightId, null, null, session, ct));
        if (answer.Value is null)
        {
            return NotFound();
        }

        Share = answer.Value;
        return Page();
    }
}
