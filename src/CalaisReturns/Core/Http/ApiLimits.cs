using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CalaisReturns.Core.Http;

/// <summary>
/// The <c>Api</c> configuration section: how large a request body may be, and how many writes one
/// user may make a minute (a runaway script must not swamp the event store).
/// </summary>
public sealed class ApiLimits
{
    public const string Section = "Api";
    public const string WritesPolicy = "writes";

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public int WritesPerUserPerMinute { get; set; } = 600;

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
            options.AddPolicy(ApiLimits.WritesPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(Claims.Subject)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.WritesPerUserPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.Get("Problem.TooMany.Title"),
                        detail: Texts.Format("Problem.TooMany", limits.WritesPerUserPerMinute, retryAfter))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>
    /// Refuses a declared body over the limit before anything reads it (413). Kestrel enforces the
    /// same limit on bodies without a declared length.
    /// </summary>
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app, ApiLimits limits) => app.Use((http, next) =>
        http.Request.ContentLength > limits.MaxRequestBodyBytes
            ? Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Texts.Get("Problem.TooLarge.Title"),
                detail: Texts.Format("Problem.TooLarge", limits.MaxRequestBodyBytes)).ExecuteAsync(http)
            : next(http));
}
