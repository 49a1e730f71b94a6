using System.Collections;

namespace CalaisReturns.Core.Telemetry;

/// <summary>
/// The log scope of one piece of work: its correlation id and the user it is done for (the token's subject, an opaque
/// id; <see cref="System"/> for jobs and policies, <see cref="Anonymous"/> before or without a sign-in). Every log
/// line written inside it carries both (<see cref="JsonLogFormatter"/>). The user is read when a line is written,
/// so lines logged before authentication and after it each name who was known then.
/// </summary>
public sealed class LogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string CorrelationIdKey = "CorrelationId";
    public const string UserIdKey = "UserId";
    public const string System = "system";
    public const string Anonymous = "anonymous";

    /// <summary>The request activity's record of its caller, for the lines logged after the scope ends.</summary>
    public const string UserBaggage = "calais.user_id";

    private readonly Func<string> user;

    internal LogScope(string correlationId, Func<string> user)
    {
        CorrelationId = correlationId;
        this.user = user;
    }

    public string CorrelationId { get; }

    public string UserId => user();

    public static LogScope For(string correlationId, string userId) => new(correlationId, () => userId);

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(CorrelationIdKey, CorrelationId),
        1 => new(UserIdKey, UserId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"correlation {CorrelationId}, user {UserId}";
}

public static class RequestLogScopes
{
    /// <summary>Each request is logged under its correlation id and its caller, once the caller is known.</summary>
    public static IApplicationBuilder UseRequestLogScopes(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CalaisReturns.Requests");
        return app.Use(async (http, next) =>
        {
            string User() => http.User.FindFirst(Claims.Subject)?.Value is { Length: > 0 } subject ? subject : LogScope.Anonymous;
            using (logger.BeginScope(new LogScope(http.TraceIdentifier, User)))
            {
                await next(http);
            }

            // The host logs the request's end after this scope: its activity carries the caller for that line.
            System.Diagnostics.Activity.Current?.SetBaggage(LogScope.UserBaggage, User());
        });
    }
}
