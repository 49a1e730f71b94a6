using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages;

/// <summary>Signing out ends the session on the server too: a copy of the cookie stops working. Anyone signed in, monitors too.</summary>
[Authorize(Policy = AccessPolicies.FlightReader)]
public sealed class SignOutModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPost()
    {
        await Sessions.End(HttpContext, session, clock);
        return LocalRedirect("/signin");
    }
}
