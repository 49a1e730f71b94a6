namespace CalaisReturns.Core;

/// <summary>
/// The reporting periods of a scheduled departure (UTC): month <c>2014-09</c>, quarter <c>2014-Q3</c>
/// and year <c>2014</c> (DESIGN.md "Period").
/// </summary>
public static class Period
{
    public static string[] Of(DateTimeOffset departure)
    {
        var utc = departure.UtcDateTime;
        return [$"{utc:yyyy-MM}", $"{utc.Year}-Q{(utc.Month - 1) / 3 + 1}", $"{utc.Year}"];
    }

    /// <summary>What to say when a text is not a period.</summary>
    public const string Expected = "Expected a month, quarter or year, e.g. 2014-09, 2014-Q3 or 2014.";

    /// <summary>Whether the text names a period in one of the three forms.</summary>
    public static bool IsValid(string? period) =>
        period is not null && (System.Text.RegularExpressions.Regex.IsMatch(period, @"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$"));
}
