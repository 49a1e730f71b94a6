using System.Globalization;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Parses query-string values strictly, recording a message per parameter that cannot be
/// understood (Wolverine would otherwise silently ignore it).
/// </summary>
public static class QueryValues
{
    public static DateTimeOffset? Instant(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
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

        // Names only: Enum.TryParse would also take "1" for whatever member has that number.
        if (!value.Any(char.IsAsciiDigit) && System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors[name] = [Texts.Format("Query.OneOf", string.Join(", ", System.Enum.GetNames<T>()))];
        return null;
    }
}
