using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalaisReturns.Web.Pages;

/// <summary>
/// Development: pick a name, role and state. With an identity provider configured the person is
/// sent there instead; with neither (a production key but no provider) nobody can sign in here.
/// </summary>
public sealed partial class SignInModel(AuthSettings settings, IAuthenticationSchemeProvider schemes) : PageModel
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public Role Role { get; set; } = Role.Planner;
    [BindProperty] public State State { get; set; } = State.UK;
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool DevelopmentSignIn => SignInSchemes.DevelopmentSignInAllowed(settings);

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGet() =>
        !DevelopmentSignIn && await schemes.GetSchemeAsync(SignInSchemes.OpenIdConnect) is not null
            ? Challenge(new AuthenticationProperties { RedirectUri = Safe(ReturnUrl) }, SignInSchemes.OpenIdConnect)
            : Page();

    public async Task<IActionResult> OnPost()
    {
        if (!DevelopmentSignIn)
        {
            return NotFound();
        }

        Name = (Name ?? "").Trim();
        if (Name.Length is < 2 or > 80)
        {
            Error = Texts.Get("SignIn.NameError");
            return Page();
        }

        Organisation = Organisation?.Trim();
        if (Role == Role.Monitor && (Organisation is not { Length: >= 2 and <= 200 } || !Organisation.All(c => Core.Http.TextFields.Allowed(c, false))))
        {
            Error = Texts.Get("SignIn.OrganisationError");
            return Page();
        }

        var subject = $"dev-{Slug().Replace(Name.ToLowerInvariant(), "-").Trim('-')}-{Role}-{State}".ToLowerInvariant();
        var identity = new ClaimsIdentity(DevelopmentTokens.ClaimsOf(new Actor(subject, Name, Role, State,
            Role == Role.Monitor ? Organisation : null)), SignInSchemes.Cookie, Claims.Name, Claims.Role);
        await HttpContext.SignInAsync(SignInSchemes.Cookie, new ClaimsPrincipal(identity));
        var actor = Actor.From(new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl is null ? Navigation.Home(actor) : Safe(ReturnUrl));
    }

    /// <summary>Only a path of this site: never an open redirect.</summary>
    public string Safe(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
