using System.Globalization;
using System.Resources;

namespace CalaisReturns;

/// <summary>
/// Every text a person reads — pages, problem documents, exports — in English (<c>Texts.resx</c>) and French
/// (<c>Texts.fr.resx</c>), in the request's culture (<see cref="Core.Http.Languages"/>). Razor pages take them
/// through <c>IStringLocalizer&lt;Texts&gt;</c>; code that has none (problem documents, validators, exports)
/// through <see cref="Get"/> and <see cref="Format"/>, which read the same resources. A key the English
/// resources lack is a programming error and throws; a test holds the French ones to the same keys.
/// </summary>
public sealed class Texts
{
    private static readonly ResourceManager Resources = new("CalaisReturns.Resources.Texts", typeof(Texts).Assembly);

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture)
        ?? throw new KeyNotFoundException($"No text '{key}' in Resources/Texts.resx.");

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>The key's text, or null where there is none (a field without a label of its own).</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>The key's text in a given culture, or null.</summary>
    public static string? FindIn(CultureInfo culture, string key) => Resources.GetString(key, culture);

    /// <summary>The key's text in a given culture (exports and tests that name theirs).</summary>
    public static string In(CultureInfo culture, string key) =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No text '{key}' in Resources/Texts.resx.");
}
