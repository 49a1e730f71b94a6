using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CalaisReturns.Web;

/// <summary>A browser session ended at sign-out: its cookie, wherever it was copied to, no longer signs anyone in.</summary>
public sealed record EndedSession(string Id, DateTimeOffset EndedAt);

/// <summary>
/// Browser sessions the server can end. Each sign-in gets a session id and the instant it began; a cookie is refused
/// once its session was ended by signing out, or once <see cref="WebSignInSettings.AbsoluteSessionLifetime"/> has
/// passed since sign-in however active the person was (the sliding <see cref="WebSignInSettings.SessionLifetime"/>
/// ends idle ones sooner).
/// </summary>
public static class Sessions
{
    public const string IdClaim = "sid";
    public const string SignedInClaim = "signed_in";

    public static bool Outlived(DateTimeOffset signedIn, DateTimeOffset now, TimeSpan absolute) => now - signedIn > absolute;

    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(IdClaim, Guid.NewGuid().ToString("N")));
            identity.AddClaim(new Claim(SignedInClaim, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context, TimeSpan absolute)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var valid = context.Principal?.FindFirst(IdClaim)?.Value is { } id
            && long.TryParse(context.Principal.FindFirst(SignedInClaim)?.Value, out var seconds)
            && !Outlived(DateTimeOffset.FromUnixTimeSeconds(seconds), now, absolute)
            && await services.GetRequiredService<IQuerySession>().LoadAsync<EndedSession>(id, context.HttpContext.RequestAborted) is null;
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SignInSchemes.Cookie);
        }
    }

    /// <summary>Ends the signed-in person's session on the server, then in the browser.</summary>
    public static async Task End(HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        if (http.User.FindFirst(IdClaim)?.Value is { } id)
        {
            session.Store(new EndedSession(id, clock.GetUtcNow()));
            await session.SaveChangesAsync(http.RequestAborted);
        }

        await http.SignOutAsync(SignInSchemes.Cookie);
    }
}
