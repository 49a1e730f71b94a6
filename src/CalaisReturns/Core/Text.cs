using System.Collections;
using System.Globalization;

namespace CalaisReturns.Core;

/// <summary>
/// A text for a person — a refusal, a reason access is denied — kept as its key in <see cref="Texts"/> and its
/// arguments until it is written, in the reader's language: the domain decides what to say, the edge says it in
/// English or French. Enum arguments are written by their translated names, lists joined.
/// </summary>
public sealed record Text(string Key, params object?[] Args)
{
    public override string ToString() => In(CultureInfo.CurrentUICulture);

    public string In(CultureInfo culture) =>
        string.Format(culture, Texts.In(culture, Key), [.. Args.Select(a => Written(a, culture))]);

    private static object? Written(object? arg, CultureInfo culture) => arg switch
    {
        Enum value when Texts.FindIn(culture, $"{value.GetType().Name}.{value}") is { } label => label,
        IEnumerable items and not string => string.Join(", ", items.Cast<object?>().Select(i => Written(i, culture))),
        _ => arg,
    };
}
