using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages;

/// <summary>The start: each person's home page, a monitor's too.</summary>
[Authorize(Policy = AccessPolicies.FlightReader)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Navigation.Home(Actor.From(User)));
}
