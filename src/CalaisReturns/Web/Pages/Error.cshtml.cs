using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages;

/// <summary>What a person sees when a page cannot be shown: in the site's layout and their language, never a stack trace.</summary>
public sealed class ErrorModel : PageModel
{
    private static readonly HashSet<int> Explained = [400, 403, 404, 405, 500, 503];

    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int status)
    {
        var known = Explained.Contains(status) ? status : 500;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
        {
            // Opened directly rather than re-executed for a failed request: answer with the status it names.
            Response.StatusCode = known;
        }

        Title = Texts.Get($"Error.{known}.Title");
        Explanation = Texts.Get($"Error.{known}");
    }
}
