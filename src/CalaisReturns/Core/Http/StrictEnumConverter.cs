using System.Text.Json;
using System.Text.Json.Serialization;

namespace CalaisReturns.Core.Http;

/// <summary>
/// Enums in request bodies by exactly one of their names: not a number, and not a comma-separated list, which
/// <see cref="JsonStringEnumConverter"/> reads as a combination of members ("UK, FR" would become FR).
/// Written by name.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>Reads one name strictly; everything else (writing, dictionary keys) as the standard converter does.</summary>
    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly JsonConverter<T> Standard =
            (JsonConverter<T>)new JsonStringEnumConverter<T>(allowIntegerValues: false).CreateConverter(typeof(T), JsonSerializerOptions.Default);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<T>(reader.GetString(), ignoreCase: true, out var value)
                ? value
                : throw new JsonException($"Not one of the names of {typeof(T).Name}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Standard.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Standard.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            Standard.WriteAsPropertyName(writer, value, options);
    }
}
