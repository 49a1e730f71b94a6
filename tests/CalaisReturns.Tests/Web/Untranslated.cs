using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace CalaisReturns.Tests.Web;

/// <summary>
/// Finds English left on a French page: a word that the English texts use and the French ones never do
/// ("seats", "confirmed", "Withdraw") is untranslated wherever a French page shows it. Data people typed
/// (the demo's carriers, descriptions and names) is not text of ours and is let through by name.
/// </summary>
internal static partial class Untranslated
{
    private static readonly ResourceManager Resources = new("CalaisReturns.Resources.Texts", typeof(Texts).Assembly);

    /// <summary>Words of the demo data and test users, which are what people typed, in whatever language.</summary>
    private static readonly HashSet<string> Data = new(StringComparer.OrdinalIgnoreCase)
    {
        "Titan", "Airways", "Independent", "Monitoring", "Boards", "Charter", "escorts", "French", "hotel", "Airlines",
        "France", "reference", "rate", "Destination", "authorities", "withdrew", "landing", "permission", "Example",
        "Demo", "Fictif", "Besnik", "Arben", "Dritan", "Person",
    };

    private static readonly Lazy<HashSet<string>> EnglishOnly = new(() =>
    {
        var english = Words(Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var french = Words(Resources.GetResourceSet(CultureInfo.GetCultureInfo("fr"), true, false)!);
        english.ExceptWith(french);
        english.ExceptWith(Data);
        return english;
    });

    public static void AssertNone(string path, string pageText)
    {
        // The system's own user ids (system:demo-data, system:manifest-lock) are identifiers, not words.
        pageText = SystemUser().Replace(pageText, "");
        // Airports are named by their own proper names ("London Stansted"), in either language.
        foreach (var airport in CalaisReturns.Core.Airports.All)
        {
            pageText = pageText.Replace(airport.Name, "");
        }

        var found = Word().Matches(pageText).Where(m => EnglishOnly.Value.Contains(m.Value))
            .Select(m => $"'{m.Value}' in \"…{pageText[Math.Max(0, m.Index - 40)..Math.Min(pageText.Length, m.Index + 40)]}…\"")
            .Distinct().ToList();
        Assert.True(found.Count == 0, $"{path} shows English on a French page: {string.Join("; ", found)}");
    }

    private static HashSet<string> Words(ResourceSet set) =>
        new(set.Cast<DictionaryEntry>().SelectMany(e => Word().Matches((string)e.Value!).Select(m => m.Value)),
            StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"system:[\w-]+")]
    private static partial Regex SystemUser();

    /// <summary>Words of four letters or more (accented ones whole): short ones ("UK", "on", "for") say too little.</summary>
    [GeneratedRegex(@"\b\p{L}{4,}\b")]
    private static partial Regex Word();
}
