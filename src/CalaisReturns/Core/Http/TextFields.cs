using System.Collections;
using System.Reflection;

namespace CalaisReturns.Core.Http;

/// <summary>A text field that may hold several lines (tabs and line breaks allowed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>
/// Every text field of every request body, checked before anything else looks at it: no NUL or other control
/// character (tabs and line breaks only where the field is <see cref="MultiLineAttribute">multi-line</see>), no
/// bidirectional override or isolate, no zero-width character — each invisible, each able to make a name or a
/// reference read as something it is not, and a NUL fails in PostgreSQL. A body that is JSON <c>null</c> is refused too.
/// </summary>
public static class TextFields
{
    /// <summary>Wolverine middleware: a 400 naming each offending field, or continue.</summary>
    public static IResult Check<T>(T? request) => request is null
        ? Problems.Invalid(new Dictionary<string, string[]> { ["body"] = [Texts.Get("Body.Empty")] })
        : Offending(request) is { Count: > 0 } errors
            ? Problems.Invalid(errors)
            : WolverineContinue.Result();

    public static Dictionary<string, string[]> Offending(object request)
    {
        var errors = new Dictionary<string, string[]>();
        Walk(request, "", errors, depth: 0);
        return errors;
    }

    /// <summary>Whether the character may stand in a text field.</summary>
    public static bool Allowed(char c, bool multiLine) =>
        !(char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'))
        && c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
        && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069') and not '\u061C' and not '\u200E' and not '\u200F';

    private static void Walk(object value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var (property, multiLine) in Fields.GetOrAdd(value.GetType(), Read))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            switch (property.GetValue(value))
            {
                case string text when !text.All(c => Allowed(c, multiLine)):
                    errors[name] = [Texts.Get("Validation.Characters")];
                    break;
                case string:
                    break;
                case IEnumerable items when property.PropertyType != typeof(string):
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && Own(item.GetType()))
                        {
                            Walk(item, $"{name}[{i}]", errors, depth + 1);
                        }

                        i++;
                    }

                    break;
                case { } nested when Own(nested.GetType()):
                    Walk(nested, name, errors, depth + 1);
                    break;
            }
        }
    }

    /// <summary>Each type's readable properties and whether each is multi-line, looked up once per type, not per request.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (PropertyInfo Property, bool MultiLine)[]> Fields = new();

    private static (PropertyInfo, bool)[] Read(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p, p.GetCustomAttribute<MultiLineAttribute>() is not null)),
    ];

    private static bool Own(Type type) => type.Assembly == typeof(TextFields).Assembly && !type.IsEnum;
}
