using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CalaisReturns.Core.Http;

/// <summary>
/// A request body the serializer could not read reaches the caller as a problem about their fields, in their
/// language — never the serializer's text, a .NET type name or a JSON path. The serializer stops at the first
/// field it cannot read, so the body is read again here field by field against the endpoint's request type:
/// every value of the wrong kind ("Enter an amount such as 12,300.50"), every unknown field and every missing
/// one is reported at once, together with what the request's validator says of the fields that could be read.
/// (Wolverine answers such a body itself with the title below; this rewrites that answer as it is written.)
/// </summary>
public static class BodyProblems
{
    /// <summary>The title Wolverine.Http gives a body System.Text.Json could not read.</summary>
    public const string WolverineTitle = "Invalid JSON format";

    /// <summary>
    /// Keeps an API request's JSON body in memory (it is at most <see cref="ApiLimits.MaxRequestBodyBytes"/>),
    /// so that it can be read again should the serializer refuse it.
    /// </summary>
    public static IApplicationBuilder UseBodyCopies(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api") && http.Request.HasJsonContentType())
        {
            var copy = new MemoryStream();
            await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
            copy.Position = 0;
            http.Request.Body = copy;
        }

        await next(http);
    });

    public static void Humanize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var chain = http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>();
        var errors = http.Request.Body is MemoryStream kept && chain?.RequestType is { } type && Parse(kept.ToArray()) is { } body
            ? Check(body, type, chain.JsonSerializerOptions
                ?? http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions,
                http.RequestServices)
            : [];

        // The client's mistake: one line, the fields' names only — never their values, never a stack trace.
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BodyProblems))
            .LogInformation("400 {Method} {Path}: body not readable; fields {Fields}", http.Request.Method, http.Request.Path,
                string.Join(", ", errors.Keys));
        problem.Title = Texts.Get("Body.Title");
        problem.Detail = Texts.Get(errors.Count > 0 ? "Body.CorrectFields" : "Body.NotJson");
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        problem.Extensions.Clear();
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        }
    }

    /// <summary>
    /// The full names of the endpoints' request types: Wolverine logs a body it cannot read under that name, as an error
    /// with the serializer's stack trace. The program filters those out; <see cref="Humanize"/> logs the one line.
    /// </summary>
    public static IReadOnlySet<string> RequestTypeNames() =>
        typeof(BodyProblems).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(m => m.GetCustomAttributes(typeof(WolverineHttpMethodAttribute), inherit: true).Length > 0)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.Assembly == typeof(BodyProblems).Assembly && t.IsClass)
            .Select(t => t.FullName!)
            .ToHashSet();

    /// <summary>The body as JSON, or null if it is not (a field named twice counts as not JSON).</summary>
    public static JsonNode? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every field of <paramref name="body"/> that cannot be read as <paramref name="type"/>, and then what the
    /// type's validator says of the fields that were sent and could be read (its findings on the stand-ins for
    /// the others would only be about values nobody sent).
    /// </summary>
    public static Dictionary<string, List<string>> Check(JsonNode body, Type type, JsonSerializerOptions options,
        IServiceProvider services)
    {
        var errors = new Dictionary<string, List<string>>();
        var read = new List<string>();
        var repaired = Read(body, type, "", options, errors, read);
        if (errors.Count > 0 && body is JsonObject && Validate(repaired, type, options, services) is { } validation)
        {
            foreach (var failure in validation.Errors.Where(f => read.Any(r => Under(f.PropertyName, r))
                         && !errors.Keys.Any(k => Under(f.PropertyName, k) || Under(k, f.PropertyName))))
            {
                (errors.TryGetValue(failure.PropertyName, out var messages) ? messages : errors[failure.PropertyName] = [])
                    .Add(failure.ErrorMessage);
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks <paramref name="value"/> against <paramref name="type"/>, noting each field it cannot read, and
    /// answers the value with those fields set to their type's default and unknown ones left out — a body
    /// the validator can then be run on.
    /// </summary>
    private static JsonNode? Read(JsonNode? value, Type type, string path, JsonSerializerOptions options,
        Dictionary<string, List<string>> errors, List<string> read)
    {
        if (Reads(value, type, options))
        {
            read.Add(path);
            return value?.DeepClone();
        }

        if (value is JsonObject fields && IsRecord(type))
        {
            var members = Members(type, options);
            var repaired = new JsonObject();
            foreach (var (name, field) in fields)
            {
                var member = members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
                if (member is null)
                {
                    Note(errors, Join(path, name), "Body.Unknown");
                    continue;
                }

                repaired[member.Name] = Read(field, member.Type, Join(path, name), options, errors, read);
            }

            foreach (var member in members.Where(m => m.Required && !fields.Any(f => string.Equals(f.Key, m.Name,
                         StringComparison.OrdinalIgnoreCase))))
            {
                Note(errors, Join(path, member.Name), "Body.Missing");
                repaired[member.Name] = Default(member.Type, options);
            }

            return repaired;
        }

        if (value is JsonArray items && ItemType(type) is { } itemType)
        {
            return new JsonArray([.. items.Select((item, i) => Read(item, itemType, $"{path}[{i}]", options, errors, read))]);
        }

        Note(errors, path.Length > 0 ? path : "body", $"Body.{Kind(type)}");
        return Default(type, options);
    }

    private static bool Reads(JsonNode? value, Type type, JsonSerializerOptions options)
    {
        try
        {
            value.Deserialize(type, options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static FluentValidation.Results.ValidationResult? Validate(JsonNode? repaired, Type type, JsonSerializerOptions options, IServiceProvider services)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
        {
            return null;
        }

        try
        {
            return repaired.Deserialize(type, options) is { } request
                ? validator.Validate(new ValidationContext<object>(request))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether a field is the other or inside it: <c>Amount.Amount</c> is under <c>amount</c>.</summary>
    private static bool Under(string field, string other)
    {
        static string Plain(string key) => key.Replace("[", ".").Replace("]", "").ToLowerInvariant();
        var (a, b) = (Plain(field), Plain(other));
        return a == b || a.StartsWith(b + ".", StringComparison.Ordinal);
    }

    private static void Note(Dictionary<string, List<string>> errors, string field, string key) =>
        (errors.TryGetValue(field, out var messages) ? messages : errors[field] = []).Add(Texts.Get(key));

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed record Member(string Name, Type Type, bool Required);

    /// <summary>The fields the serializer reads into <paramref name="type"/>, by their JSON names.</summary>
    private static List<Member> Members(Type type, JsonSerializerOptions options)
    {
        var required = type.GetConstructors()
            .MaxBy(c => c.GetParameters().Length)?.GetParameters()
            .Where(p => !p.HasDefaultValue)
            .Select(p => p.Name!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite || required.Contains(p.Name))
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => new Member(
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name,
                    p.PropertyType,
                    required.Contains(p.Name) || p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null)),
        ];
    }

    /// <summary>A type read field by field from a JSON object: one of this application's records.</summary>
    private static bool IsRecord(Type type) =>
        !type.IsEnum && !typeof(IEnumerable).IsAssignableFrom(type) && type.Assembly == typeof(BodyProblems).Assembly;

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    /// <summary>A value of <paramref name="type"/> the serializer accepts, standing in for one that could not be read.</summary>
    private static JsonNode? Default(Type type, JsonSerializerOptions options) =>
        type == typeof(string) ? JsonValue.Create("")
        : type.IsEnum ? JsonValue.Create(Enum.GetNames(type).FirstOrDefault())
        : type.IsValueType ? JsonSerializer.SerializeToNode(Activator.CreateInstance(type), type, options)
        : ItemType(type) is not null ? new JsonArray()
        : IsRecord(type) ? new JsonObject(Members(type, options).Where(m => m.Required)
            .Select(m => KeyValuePair.Create(m.Name, Default(m.Type, options))))
        : null;

    /// <summary>What a field of <paramref name="type"/> should hold (nullable or not).</summary>
    private static string Kind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(decimal) || t == typeof(double) => "Amount",
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "WholeNumber",
        var t when t == typeof(DateOnly) => "Date",
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "Instant",
        var t when t == typeof(Guid) => "Identifier",
        var t when t == typeof(bool) => "YesNo",
        var t when t == typeof(string) => "Text",
        { IsEnum: true } => "Choice",
        _ => "Value",
    };
}
