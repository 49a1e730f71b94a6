using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Core.Http;

/// <summary>
/// A request body the serializer could not read reaches the caller as a problem about their fields, in their
/// language — never the serializer's text, a .NET type name or a JSON path: a number that is not one is
/// "Enter an amount such as 12,300.50" on that field, an unknown field is named, and every missing required
/// field is listed at once. (Wolverine answers such a body itself with the title below and the serializer's
/// message; this rewrites that answer as it is written.)
/// </summary>
public static partial class BodyProblems
{
    /// <summary>The title Wolverine.Http gives a body System.Text.Json could not read.</summary>
    public const string WolverineTitle = "Invalid JSON format";

    public static void Humanize(ProblemDetails problem)
    {
        var message = problem.Detail ?? "";
        var errors = new Dictionary<string, string[]>();
        if (Conversion().Match(message) is { Success: true } conversion)
        {
            var path = conversion.Groups["path"].Value;
            errors[Field(path)] = [Texts.Get($"Body.{Kind(Wanted(conversion.Groups["type"].Value, path))}")];
        }
        else if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            errors[unmapped.Groups["name"].Value] = [Texts.Get("Body.Unknown")];
        }
        else if (Missing().Match(message) is { Success: true } missing)
        {
            foreach (var name in missing.Groups["names"].Value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                errors[name.Trim('\'', '.')] = [Texts.Get("Body.Missing")];
            }
        }

        problem.Title = Texts.Get("Body.Title");
        problem.Detail = Texts.Get(errors.Count > 0 ? "Body.CorrectFields" : "Body.NotJson");
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
        problem.Extensions.Clear();
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors;
        }
    }

    /// <summary>"$.amount.amount" → "amount.amount"; the root itself → "body".</summary>
    private static string Field(string path) => path.TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "body";

    /// <summary>
    /// The type the field wanted: the serializer names the field's own type, or, for a record it builds through its
    /// constructor, the record's — whose property of the path's last name is the field.
    /// </summary>
    private static string Wanted(string type, string path)
    {
        var last = LastName().Match(path).Groups["name"].Value;
        return OwnType(type) is { IsEnum: false } record
            && record.GetProperty(last, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                | System.Reflection.BindingFlags.IgnoreCase) is { } property
            ? property.PropertyType.ToString()
            : type;
    }

    [GeneratedRegex(@"(?<name>\w+)(\[\d+\])?$")]
    private static partial Regex LastName();

    /// <summary>What the field should hold, from the type the serializer wanted (nullable or not).</summary>
    private static string Kind(string type) => type switch
    {
        _ when type.Contains("System.Decimal") || type.Contains("System.Double") => "Amount",
        _ when type.Contains("System.Int") => "WholeNumber",
        _ when type.Contains("System.DateOnly") => "Date",
        _ when type.Contains("System.DateTime") => "Instant",
        _ when type.Contains("System.Guid") => "Identifier",
        _ when type.Contains("System.Boolean") => "YesNo",
        _ when type.Contains("System.String") => "Text",
        _ when OwnType(type) is { IsEnum: true } => "Choice",
        _ => "Value",
    };

    /// <summary>One of this application's types named in the message, if one is.</summary>
    private static Type? OwnType(string type) =>
        OwnTypeName().Match(type) is { Success: true } name ? typeof(BodyProblems).Assembly.GetType(name.Value) : null;

    [GeneratedRegex(@"CalaisReturns[\w.+]*")]
    private static partial Regex OwnTypeName();

    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+?)\.? Path: (?<path>\$[^ |]*)")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"missing required properties,? including(?: the following)?: (?<names>.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Missing();
}
