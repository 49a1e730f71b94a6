using System.Globalization;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Parses query-string values strictly, recording a message per parameter that cannot be
/// understood (Wolverine would otherwise silently ignore it).
/// </summary>
public static class QueryValues
{
    /// <summary>
    /// An instant: with an offset as written; without one (a date, or a date and time) in <paramref name="zone"/>
    /// — the reader's, on the pages — or in UTC for API callers.
    /// </summary>
    public static DateTimeOffset? Instant(string? value, string name, Dictionary<string, string[]> errors, TimeZoneInfo? zone = null)
    {
        if (value is null)
        {
            return null;
        }

        if (zone is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Kind == DateTimeKind.Unspecified)
        {
            return ReaderZones.ToUtc(local, zone);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors[name] = [Texts.Get("Query.Instant")];
        return null;
    }

    public static T? Enum<T>(string? value, string name, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (EnumNames.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors[name] = [Texts.Format("Query.OneOf", string.Join(", ", System.Enum.GetNames<T>()))];
        return null;
    }
}
