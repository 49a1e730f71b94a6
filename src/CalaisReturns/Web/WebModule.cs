using System.Text.Json.Serialization;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace CalaisReturns.Web;

/// <summary>
/// The pages people use in a browser. They read through the API's own query functions (so a page
/// shows exactly what the API would give the same person) and change things by calling the API
/// from the page with the sign-in cookie, so every change takes the one validated, audited write path.
/// </summary>
public static class WebModule
{
    public const string AntiforgeryHeader = "X-CSRF-Token";

    public static IServiceCollection AddCalaisWeb(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            // Every page is for readers, unless it names a policy of its own: the pages a monitor may open name the
            // flight readers', and check the monitor's organisation against the flight.
            o.Conventions.AddFolderApplicationModelConvention("/", page =>
            {
                if (!page.HandlerTypeAttributes.OfType<AuthorizeAttribute>().Any(a => !string.IsNullOrEmpty(a.Policy)))
                {
                    page.EndpointMetadata.Add(new AuthorizeAttribute(AccessPolicies.Reader));
                }
            });
            o.Conventions.AuthorizeFolder("/Finance", AccessPolicies.MoneyReader);
            o.Conventions.AuthorizeFolder("/Audit", AccessPolicies.AuditReader);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Denied");
            o.Conventions.AllowAnonymousToPage("/Error");
        })
        // MVC has JSON options of its own; keep them the API's (enums by name), whoever reads them.
        .AddJsonOptions(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "calais.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    /// <summary>
    /// How errors are answered: the API (and health, and the jobs dashboard) with problem documents; a page
    /// with an HTML page in the site's layout and the reader's language (<c>/error/{status}</c>) — a bare
    /// 404 or 405, and an exception (500, or 503 while the database cannot be reached).
    /// </summary>
    public static IApplicationBuilder UseErrorAnswers(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = e => ExceptionProblems.IsDatabaseUnreachable(e)
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(http => IsPage(http.Request.Path), page => page.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(http => !IsPage(http.Request.Path), api => api.UseStatusCodePages());
        return app;
    }

    /// <summary>A request for a page people read, not the API, health, the jobs dashboard or a static file.</summary>
    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/jobs")
        && !Path.HasExtension(path.Value);

    /// <summary>
    /// The reader's choices for the pages, each remembered for a year on this site and followed by the way back to
    /// the page it was made on: <c>/language/fr?return=/schedule</c>, and <c>/zone?to=Europe/Paris&amp;return=…</c>
    /// for the zone the pages show and take times in.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{tag}", (string tag, string? @return, HttpContext http) =>
            Remember(http, Languages.Cookie, Languages.Parse(tag)?.Name, @return)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/zone", (string? to, string? @return, HttpContext http) =>
            Remember(http, ReaderZones.Cookie, ReaderZones.Parse(to)?.Id, @return)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Remember(HttpContext http, string cookie, string? value, string? back)
    {
        if (value is not null)
        {
            http.Response.Cookies.Append(cookie, value, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true,
                Secure = http.Request.IsHttps,
            });
        }

        // Only a path of this site: never an open redirect.
        return Results.LocalRedirect(back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//") && !back.StartsWith("/\\")
            ? back
            : "/");
    }

    /// <summary>
    /// The pages load scripts, styles and images from this site only, cannot be framed, and post
    /// forms only here: an injected script or a foreign frame gets nowhere. The API reference and
    /// the jobs dashboard bring inline scripts of their own and keep their defaults.
    /// </summary>
    public static IApplicationBuilder UsePageSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/jobs") && !path.StartsWithSegments("/health"))
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "same-origin";
        }

        return next(http);
    });

    /// <summary>
    /// A change sent with the sign-in cookie must carry the page's anti-forgery token, so another
    /// site cannot make a signed-in browser send one. Bearer-token callers are not affected.
    /// </summary>
    public static IApplicationBuilder UseCookieWriteProtection(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (SignInSchemes.IsApi(http.Request)
            && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method)
            && SignInSchemes.For(http) == SignInSchemes.Cookie
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Texts.Get("Problem.Antiforgery.Title"),
                detail: Texts.Get("Problem.Antiforgery"))
                .ExecuteAsync(http);
            return;
        }

        await next(http);
    });
}
