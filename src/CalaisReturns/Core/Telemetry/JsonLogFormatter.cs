using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CalaisReturns.Core.Telemetry;

/// <summary>
/// The production console log: one JSON object per line, and on every line the correlation id and the user id —
/// from the request's or job's <see cref="LogScope"/>, else the correlation id the current span carries, else none
/// (<c>null</c>) and the system as user (start-up, the daemon, timers). Chosen with
/// <c>Logging:Console:FormatterName=calais-json</c>; development keeps the readable text.
/// </summary>
public sealed class JsonLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "calais-json";

    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <summary>
    /// When the app serves (no command is named: no argument, or only options such as <c>--urls</c>) with this
    /// format, its standard output carries nothing but the log, one object per line: the lines JasperFx prints while
    /// it looks for commands are dropped. A command (<c>audit-verify</c>, <c>db-apply</c>) is named first and prints
    /// as before.
    /// </summary>
    /// <summary>No command is named: the app is to serve (the arguments, if any, are options such as <c>--urls</c>).</summary>
    public static bool Serving(string[] args) => args.Length == 0 || args[0].StartsWith('-');

    public static void KeepStandardOutputForLogs(string[] args, IConfiguration configuration)
    {
        if (Serving(args) && configuration["Logging:Console:FormatterName"] == FormatterName)
        {
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null),
            });
        }
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        string? correlationId = null;
        string? userId = null;
        var scopes = new List<KeyValuePair<string, object?>>();
        scopeProvider?.ForEachScope((scope, _) =>
        {
            if (scope is not IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                return;
            }

            foreach (var (key, value) in pairs)
            {
                switch (key)
                {
                    case LogScope.CorrelationIdKey:
                        correlationId = value?.ToString();
                        break;
                    case LogScope.UserIdKey:
                        userId = value?.ToString();
                        break;
                    default:
                        scopes.Add(new(key, value));
                        break;
                }
            }
        }, (object?)null);

        var activity = Activity.Current;
        correlationId ??= activity?.GetBaggageItem(Telemetry.CorrelationId);
        userId ??= activity?.GetBaggageItem(LogScope.UserBaggage);

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
            }

            json.WriteString("message", message);
            json.WriteString("correlationId", correlationId);
            json.WriteString("userId", userId ?? LogScope.System);
            if (activity is not null)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }

            WriteProperties(json, "state", logEntry.State as IEnumerable<KeyValuePair<string, object?>> ?? []);
            WriteProperties(json, "scope", scopes);
            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteProperties(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var started = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (key == "{OriginalFormat}" || !seen.Add(key))
            {
                continue;
            }

            if (!started)
            {
                json.WriteStartObject(name);
                started = true;
            }

            json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (started)
        {
            json.WriteEndObject();
        }
    }
}
