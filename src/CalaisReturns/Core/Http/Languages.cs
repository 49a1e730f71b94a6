using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace CalaisReturns.Core.Http;

/// <summary>
/// English and French. A person's language defaults from their state (FR → French, UK → English); on the
/// pages it can be switched, and the choice is remembered in a cookie; an API caller chooses with
/// <c>Accept-Language</c> (the pages' own calls send the page's language). Formats (money, numbers, dates)
/// follow the same culture.
/// </summary>
public static class Languages
{
    public const string Cookie = "calais.lang";

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly IReadOnlyList<CultureInfo> Supported = [English, French];

    public static CultureInfo Of(State state) => state == State.FR ? French : English;

    /// <summary>The supported culture a language tag names (<c>fr</c>, <c>fr-FR</c>, <c>en</c>, <c>en-GB</c>…), or null.</summary>
    public static CultureInfo? Parse(string? tag) =>
        tag is null ? null
        : tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French
        : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : null;

    public static IServiceCollection AddCalaisLanguages(this IServiceCollection services)
    {
        // FluentValidation writes its own rules' messages in the current UI culture; the fields they name
        // are called what the forms call them (Field.* texts), in the same language.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : Texts.Find($"Field.{member.Name}");
        return services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    /// <summary>After authentication, so that the signed-in person's state is known.</summary>
    public static IApplicationBuilder UseCalaisLanguages(this IApplicationBuilder app) =>
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(English);
            o.SupportedCultures = [.. Supported];
            o.SupportedUICultures = [.. Supported];
            o.RequestCultureProviders = [new ChosenLanguage()];
        });

    /// <summary>
    /// Sets the language the request chose on the current flow again: for code that runs outside the
    /// localization middleware's scope (the exception handler, status code pages).
    /// </summary>
    public static void Restore(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }
    }

    /// <summary>
    /// Every problem document passes here: it is written in the request's language, and a status's generic
    /// title (a bare 404 or 405 from the status code pages) becomes a translated one.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        Restore(context.HttpContext);
        var problem = context.ProblemDetails;
        if (problem.Title == BodyProblems.WolverineTitle)
        {
            BodyProblems.Humanize(context);
            return;
        }

        if (problem.Status is { } status
            && (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status))
            && GenericTitles.Contains(status))
        {
            problem.Title = Texts.Get($"Problem.Status.{status}");
        }
    }

    private static readonly HashSet<int> GenericTitles = [400, 401, 403, 404, 405, 409, 412, 413, 415, 429, 500, 503];

    private sealed class ChosenLanguage : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
        {
            var api = http.Request.Path.StartsWithSegments("/api");
            var chosen = (api ? Asked(http) : Parse(http.Request.Cookies[Cookie]))
                ?? (Actor.TryFrom(http.User) is { } actor ? Of(actor.State) : null)
                ?? Asked(http);
            return Task.FromResult(chosen is null ? null : new ProviderCultureResult(chosen.Name));
        }

        private static CultureInfo? Asked(HttpContext http) =>
            http.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Parse(l.Value.Value))
                .FirstOrDefault(c => c is not null);
    }
}
