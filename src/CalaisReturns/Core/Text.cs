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
        ReaderTime time => Web.Show.Time(time.At),
        Money money => Web.Show.Money(money),
        Enum value when Texts.FindIn(culture, $"{value.GetType().Name}.{value}") is { } label => label,
        IEnumerable items and not string => string.Join(", ", items.Cast<object?>().Select(i => Written(i, culture))),
        _ => arg,
    };
}

/// <summary>An instant in a <see cref="Text"/>, written in the reader's zone (named) when the text is written.</summary>
public sealed record ReaderTime(DateTimeOffset At);
