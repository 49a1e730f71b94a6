using System.Globalization;

namespace CalaisReturns.Web;

/// <summary>
/// How the pages write values, in the reader's culture (<see cref="CultureInfo.CurrentCulture"/>, set per
/// request by <see cref="Core.Http.Languages"/>): times (UTC for now), money with its currency — <c>£12,300.50</c>
/// in English, <c>12 300,50 €</c> in French — and enum values by their translated names.
/// </summary>
public static class Show
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("ddd d MMM yyyy HH:mm", Culture) : "—";

    /// <summary>To the second: the audit timeline and "as of" instants.</summary>
    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("ddd d MMM yyyy HH:mm:ss", Culture);

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("d MMM yyyy", Culture);

    /// <summary>The value a <c>datetime-local</c> input takes, in UTC.</summary>
    public static string Input(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString("N2", Culture);

    public static string Money(decimal amount, Currency? currency)
    {
        if (currency is not { } known)
        {
            return Amount(amount);
        }

        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = known == Currency.GBP ? "£" : "€";
        // French puts the symbol after the amount; no line may break it off, so no plain space either.
        return amount.ToString("C2", format).Replace(' ', '\u202F');
    }

    public static string Money(Money money) => Money(money.Amount, money.Currency);

    /// <summary>An enum value's name in the reader's language (<c>Texts</c> key <c>{Type}.{Value}</c>).</summary>
    public static string Enum<T>(T value) where T : struct, System.Enum => Texts.Get($"{typeof(T).Name}.{value}");

    public static string Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? Enum(v) : "—";

    public static IEnumerable<string> Names<T>() where T : struct, System.Enum => System.Enum.GetNames<T>();

    public static IReadOnlyDictionary<string, string> Labels<T>() where T : struct, System.Enum =>
        System.Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => Enum(v));
}
