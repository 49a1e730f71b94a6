using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CalaisReturns.Core.Http;

/// <summary>
/// The <c>Api</c> configuration section: how large a request body may be, and how many writes and reads one user
/// may make a minute (a runaway script must not swamp the event store, nor slow everyone else down). Expensive
/// reads — verification, checkpoints, exports, reports as of an instant or for a whole year, the yearly statistics,
/// large history pages — have a lower limit of their own.
/// </summary>
public sealed class ApiLimits
{
    public const string Section = "Api";
    public const string WritesPolicy = "writes";
    public const string ReadsPolicy = "reads";

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public int WritesPerUserPerMinute { get; set; } = 600;

    public int ReadsPerUserPerMinute { get; set; } = 1200;

    public int ExpensiveReadsPerUserPerMinute { get; set; } = 30;

    /// <summary>Whether a read costs much more than a page of the schedule: it replays or walks a lot of history.</summary>
    public static bool IsExpensive(PathString path, IQueryCollection query) =>
        path.StartsWithSegments("/api/audit")
        || (path.StartsWithSegments("/audit") && query.ContainsKey("Verify"))
        || query.ContainsKey("asOf")
        || path.Value?.EndsWith("/statement.pdf", StringComparison.Ordinal) == true
        || (path.StartsWithSegments("/api/reports") && query["period"].ToString() is { Length: 4 })
        || path.Value?.StartsWith("/api/statistics", StringComparison.Ordinal) == true
        || (path.Value?.EndsWith("/history", StringComparison.Ordinal) == true
            && int.TryParse(query["pageSize"], out var size) && size > 100);

    public static ApiLimits From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ApiLimits>() ?? new ApiLimits();
}

public static class ApiLimitsSetup
{
    public static IServiceCollection AddApiLimits(this IServiceCollection services, ApiLimits limits)
    {
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(ApiLimits.WritesPolicy, http => PerUser(http, "write", limits.WritesPerUserPerMinute));
            options.AddPolicy(ApiLimits.ReadsPolicy, http => ApiLimits.IsExpensive(http.Request.Path, http.Request.Query)
                ? PerUser(http, "expensive", limits.ExpensiveReadsPerUserPerMinute)
                : PerUser(http, "read", limits.ReadsPerUserPerMinute));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var request = context.HttpContext.Request;
                var (key, limit) = !HttpMethods.IsGet(request.Method) ? ("Problem.TooMany", limits.WritesPerUserPerMinute)
                    : ApiLimits.IsExpensive(request.Path, request.Query) ? ("Problem.TooManyExpensive", limits.ExpensiveReadsPerUserPerMinute)
                    : ("Problem.TooManyReads", limits.ReadsPerUserPerMinute);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.Get("Problem.TooMany.Title"),
                        detail: Texts.Format(key, limit, retryAfter))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerUser(HttpContext http, string kind, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{kind}:{http.User.FindFirst(Claims.Subject)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>
    /// Refuses a declared body over the limit before anything reads it (413). Kestrel enforces the
    /// same limit on bodies without a declared length. An endpoint that takes files declares its own limit
    /// (<see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/>), which both checks then use instead.
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app, ApiLimits limits) => app.Use((http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()
            ?.MaxRequestBodySize ?? limits.MaxRequestBodyBytes;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return http.Request.ContentLength > limit
            ? Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Texts.Get("Problem.TooLarge.Title"),
                detail: Texts.Format("Problem.TooLarge", limit)).ExecuteAsync(http)
            : next(http);
    });
}
