using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Navigation.Home(Actor.From(User)));
}
