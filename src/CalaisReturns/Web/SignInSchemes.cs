using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CalaisReturns.Web;

/// <summary>
/// Scripts and API clients send a bearer token; people in a browser carry a sign-in cookie. One
/// policy scheme picks between them per request, so the endpoints' policies are the same for both.
/// </summary>
public static class SignInSchemes
{
    public const string Default = "calais";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "calais.signin";
    public const string OpenIdConnect = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>
    /// A bearer header always means the token. The API answers a caller without either with a
    /// bearer challenge (401 problem); pages send the browser to sign in.
    /// </summary>
    public static string For(bool bearerHeader, bool signInCookie, bool apiPath) =>
        bearerHeader || (apiPath && !signInCookie) ? JwtBearerDefaults.AuthenticationScheme : Cookie;

    public static string For(HttpContext http) => For(
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase),
        http.Request.Cookies.ContainsKey(CookieName),
        IsApi(http.Request));

    /// <summary>Paths for programs rather than people: the API and the metrics scrape.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(Core.Telemetry.Telemetry.MetricsPath);

    /// <summary>The sign-in page that lets anyone pick a name, role and state exists only with the development key.</summary>
    public static bool DevelopmentSignInAllowed(AuthSettings settings) => settings.UsesDevelopmentKey;

    internal static AuthenticationBuilder AddWebSignIn(this AuthenticationBuilder authentication,
        IConfiguration configuration, AuthSettings settings, IHostEnvironment environment)
    {
        var web = configuration.GetSection(WebSignInSettings.Section).Get<WebSignInSettings>() ?? new WebSignInSettings();
        var oidc = settings.Authority is not null && web.ClientId is not null;
        authentication.AddCookie(Cookie, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Outside Development the sign-in cookie never travels over plain HTTP.
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = web.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/denied";
            if (oidc)
            {
                cookie.ForwardChallenge = OpenIdConnect;
            }

            cookie.Events = new CookieAuthenticationEvents
            {
                OnSigningIn = Sessions.OnSigningIn,
                OnValidatePrincipal = context => Sessions.OnValidatePrincipal(context, web.AbsoluteSessionLifetime),
                // An API call with an expired cookie gets a problem, not a sign-in page.
                OnRedirectToLogin = context => IsApi(context.Request)
                    ? Authentication.WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized,
                        Texts.Get("Problem.Unauthenticated.Title"), Texts.Get("Problem.Unauthenticated.SessionEnded"))
                    : Redirect(context),
                OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Authentication.WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden,
                        Texts.Get("Problem.Forbidden.Title"), Texts.Get("Problem.Forbidden.Role"))
                    : Redirect(context),
            };
        });
        if (oidc)
        {
            authentication.AddOpenIdConnect(OpenIdConnect, o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = web.ClientId;
                o.ClientSecret = web.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = Cookie;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in web.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.TokenValidationParameters.NameClaimType = Claims.Name;
                o.TokenValidationParameters.RoleClaimType = Claims.Role;
                o.ClaimActions.MapUniqueJsonKey(Claims.Role, Claims.Role);
                o.ClaimActions.MapUniqueJsonKey(Claims.State, Claims.State);
            });
        }

        return authentication;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The <c>Web</c> section: browser sign-in. With <c>Auth:Authority</c> and <see cref="ClientId"/> set,
/// people sign in at the identity provider (OpenID Connect, authorisation code with PKCE), which must
/// issue the <c>sub</c>, <c>name</c>, <c>role</c> and <c>state</c> claims.
/// </summary>
public sealed class WebSignInSettings
{
    public const string Section = "Web";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string[] Scopes { get; set; } = ["openid", "profile", "calais"];

    /// <summary>How long a browser session lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a browser session lasts after sign-in at most, however active.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
