using System.Globalization;
using System.Text.RegularExpressions;

namespace CalaisReturns.Web;

/// <summary>How the pages write values: UTC times, money with its currency, enum names as words.</summary>
public static partial class Show
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("ddd d MMM yyyy HH:mm", British) : "—";

    /// <summary>To the second: the audit timeline and "as of" instants.</summary>
    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("ddd d MMM yyyy HH:mm:ss", British);

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("d MMM yyyy", British);

    /// <summary>The value a <c>datetime-local</c> input takes, in UTC.</summary>
    public static string Input(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount) => amount.ToString("#,##0.00", British);

    public static string Money(decimal amount, Currency? currency) => (amount < 0 ? "-" : "") + currency switch
    {
        Currency.GBP => $"£{Amount(Math.Abs(amount))}",
        Currency.EUR => $"€{Amount(Math.Abs(amount))}",
        _ => Amount(Math.Abs(amount)),
    };

    public static string Money(Money money) => Money(money.Amount, money.Currency);

    public static string Enum<T>(T value) where T : struct, System.Enum => Words(value.ToString());

    public static string Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? Enum(v) : "—";

    public static string Words(string pascal) => Capitals().Replace(pascal, m => " " + m.Value.ToLowerInvariant()).Trim();

    public static IEnumerable<string> Names<T>() where T : struct, System.Enum => System.Enum.GetNames<T>();

    public static IReadOnlyDictionary<string, string> Labels<T>() where T : struct, System.Enum =>
        System.Enum.GetNames<T>().ToDictionary(n => n, Words);

    [GeneratedRegex("(?<=[a-z])[A-Z]")]
    private static partial Regex Capitals();
}
