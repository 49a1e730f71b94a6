using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CalaisReturns.Core.Telemetry;

/// <summary>How a command ended, as the metrics count it.</summary>
public enum CommandOutcome
{
    Accepted,

    /// <summary>The body or a value in it was not acceptable (400, 413, 415).</summary>
    Invalid,

    /// <summary>Refused for a reason: the domain's (its text key), no access, not found, a stale version, a limit.</summary>
    Refused,

    /// <summary>The server failed (5xx).</summary>
    Failed,
}

/// <summary>
/// Every command (a write to the API, which the pages' forms also send) gets a span of its own inside the request's,
/// named after the endpoint — the handler's work and its SQL nest under it — and is counted by type and outcome.
/// </summary>
public static class CommandTelemetry
{
    private static readonly Counter<long> Commands = Telemetry.Meter.CreateCounter<long>("calais.commands", "{command}",
        "Commands received, by type, outcome and, for refusals, the reason");

    /// <summary>The refusal a command met, set by <see cref="Http.Problems"/> while the command runs.</summary>
    private static readonly AsyncLocal<RefusalHolder?> Current = new();

    /// <summary>Called where a command is refused for a domain reason: the reason's text key is its class.</summary>
    public static void Refused(string reasonKey)
    {
        if (Current.Value is { } holder)
        {
            holder.Reason = reasonKey;
        }
    }

    public static IApplicationBuilder UseCommandTelemetry(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!IsCommand(http.Request))
        {
            await next(http);
            return;
        }

        var name = CommandName(http);
        var holder = new RefusalHolder();
        Current.Value = holder;
        using var activity = Telemetry.Source.StartActivity($"command {name}");
        activity?.SetTag("calais.command", name);
        Telemetry.TagCorrelation(activity, http.TraceIdentifier);
        var threw = false;
        try
        {
            await next(http);
        }
        catch
        {
            // The exception handler before this middleware writes the 500 afterwards.
            threw = true;
            throw;
        }
        finally
        {
            var (outcome, reason) = Classify(threw ? StatusCodes.Status500InternalServerError : http.Response.StatusCode,
                holder.Reason);
            activity?.SetTag("calais.command.outcome", outcome.ToString());
            if (outcome == CommandOutcome.Failed)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            var tags = new TagList { { "command", name }, { "outcome", outcome.ToString().ToLowerInvariant() } };
            if (reason is not null)
            {
                tags.Add("reason", reason);
            }

            Commands.Add(1, tags);
        }
    });

    /// <summary>The outcome of a command that answered <paramref name="status"/>, and the class of its reason.</summary>
    public static (CommandOutcome Outcome, string? Reason) Classify(int status, string? refusal) => status switch
    {
        >= 200 and < 300 => (CommandOutcome.Accepted, null),
        StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType
            => (CommandOutcome.Invalid, null),
        StatusCodes.Status409Conflict => (CommandOutcome.Refused, refusal ?? "concurrent-change"),
        StatusCodes.Status401Unauthorized => (CommandOutcome.Refused, "unauthenticated"),
        StatusCodes.Status403Forbidden => (CommandOutcome.Refused, "forbidden"),
        StatusCodes.Status404NotFound => (CommandOutcome.Refused, "not-found"),
        StatusCodes.Status412PreconditionFailed => (CommandOutcome.Refused, "stale-version"),
        StatusCodes.Status429TooManyRequests => (CommandOutcome.Refused, "rate-limited"),
        >= 500 => (CommandOutcome.Failed, null),
        _ => (CommandOutcome.Refused, $"status-{status}"),
    };

    private static bool IsCommand(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Path.StartsWithSegments("/api");

    /// <summary>The endpoint's operation id (<c>PlanFlight</c>), else its route: never anything the caller typed.</summary>
    private static string CommandName(HttpContext http) => http.GetEndpoint() switch
    {
        { } endpoint when endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is { } named => named.EndpointName,
        RouteEndpoint route => route.RoutePattern.RawText ?? "unknown",
        _ => "unknown",
    };

    private sealed class RefusalHolder
    {
        public string? Reason { get; set; }
    }
}
