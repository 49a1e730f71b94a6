namespace CalaisReturns.Core;

/// <summary>
/// An enum member by exactly one of its names — the one rule for claims, query strings and request bodies. Not a
/// number, and not a comma-separated list, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> reads as a
/// combination of members ("UK, FR" would become FR).
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? name, bool ignoreCase, out T value) where T : struct, Enum
    {
        value = default;
        return name is { Length: > 0 } && name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase, out value) && Enum.IsDefined(value);
    }
}
