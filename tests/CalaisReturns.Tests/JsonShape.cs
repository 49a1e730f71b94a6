using System.Reflection;
using System.Text.Json.Nodes;

namespace CalaisReturns.Tests;

/// <summary>Describes the JSON shape of a type: property names and value kinds, recursively.</summary>
internal static class JsonShape
{
    public static JsonNode Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"enum({string.Join('|', Enum.GetNames(type))})";
        }

        if (Scalars.TryGetValue(type, out var scalar))
        {
            return scalar;
        }

        if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(IsEnumerable) is { } enumerable)
        {
            return new JsonArray(Of(enumerable.GetGenericArguments()[0]));
        }

        var shape = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
        {
            shape[property.Name] = Of(property.PropertyType);
        }

        return shape;
    }

    private static bool IsEnumerable(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    private static readonly Dictionary<Type, string> Scalars = new()
    {
        [typeof(string)] = "string",
        [typeof(Guid)] = "uuid",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(decimal)] = "decimal",
        [typeof(bool)] = "bool",
        [typeof(DateTimeOffset)] = "date-time",
        [typeof(DateOnly)] = "date",
    };
}
