using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CalaisReturns.Core.Telemetry;

/// <summary>
/// Traces and metrics. Traces follow a request through ASP.NET Core, the command (<see cref="CommandTelemetry"/>),
/// Wolverine's handlers and Npgsql's commands, and a Hangfire job through its run (<see cref="JobTelemetry"/>); every
/// span carries the correlation id. They are exported by OTLP only when <c>OpenTelemetry:Endpoint</c> is set (with
/// none, no span is even recorded). Metrics are always kept, for the OTLP exporter and the admins' <c>/metrics</c>.
/// </summary>
/// <remarks>
/// Nothing personal goes into a span or a metric: Npgsql records the statement's text, whose values are parameters
/// and never recorded; paths hold ids and references; a query string is redacted by the ASP.NET Core instrumentation.
/// </remarks>
public static class Telemetry
{
    public const string Name = "CalaisReturns";

    /// <summary>The correlation id: the request's, or the one a job or policy carries on.</summary>
    public const string CorrelationId = "calais.correlation_id";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Wolverine's spans: a message handled, sent, or put in the outbox.</summary>
    private const string WolverineSource = "Wolverine";

    /// <summary>Wolverine's counts of messages handled, failed and dead-lettered (its meter is named after the service).</summary>
    private const string WolverineMeters = "Wolverine:*";

    /// <summary>Npgsql's own spans and metrics (what <c>Npgsql.OpenTelemetry</c> subscribes to).</summary>
    private const string NpgsqlSource = "Npgsql";

    public static IServiceCollection AddCalaisTelemetry(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var endpoint = configuration["OpenTelemetry:Endpoint"] is { Length: > 0 } configured
            ? new Uri(configured, UriKind.Absolute)
            : null;
        var traced = endpoint is not null || configuration.GetValue("OpenTelemetry:Tracing", false);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Name, serviceInstanceId: Environment.MachineName)
                .AddAttributes([new("deployment.environment.name", environment.EnvironmentName)]))
            .WithMetrics(metrics => metrics
                .AddMeter(Name, NpgsqlSource, WolverineMeters, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                    "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "System.Runtime")
                .AddPrometheusExporter());
        if (traced)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(Name, WolverineSource, NpgsqlSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrape(http))
                .AddProcessor(new CorrelationProcessor()));
        }

        if (endpoint is not null)
        {
            var protocol = configuration.GetValue("OpenTelemetry:Protocol", OtlpExportProtocol.Grpc);
            telemetry.UseOtlpExporter(protocol, endpoint);
        }

        return services;
    }

    /// <summary>The Prometheus scrape endpoint, for admins (a scraper signs in with an admin's token).</summary>
    public static void MapCalaisMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(AccessPolicies.Admin);

    public const string MetricsPath = "/metrics";

    private static bool IsScrape(HttpContext http) => http.Request.Path.StartsWithSegments(MetricsPath);

    /// <summary>The correlation id of the work a span belongs to, as an attribute of the span.</summary>
    public static void TagCorrelation(Activity? activity, string correlationId)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(CorrelationId, correlationId);
        activity.SetBaggage(CorrelationId, correlationId);
        // Only a recorded trace has spans to tag later: with tracing off, nothing is remembered on the request path.
        if (activity.Recorded)
        {
            Traces.Remember(activity.TraceId, correlationId);
        }
    }

    /// <summary>
    /// The correlation id of each recent trace. A span started from a parent's context rather than the parent itself
    /// (Wolverine's sending and handling spans) inherits no baggage; its trace still names the work it belongs to.
    /// The latest few thousand traces are kept: a message handled later than that is tagged by its handler.
    /// </summary>
    private static class Traces
    {
        private const int Kept = 4_096;
        private static readonly ConcurrentDictionary<ActivityTraceId, string> Correlations = new();
        private static readonly ConcurrentQueue<ActivityTraceId> Order = new();

        public static void Remember(ActivityTraceId trace, string correlationId)
        {
            if (Correlations.TryAdd(trace, correlationId))
            {
                Order.Enqueue(trace);
                while (Order.Count > Kept && Order.TryDequeue(out var oldest))
                {
                    Correlations.TryRemove(oldest, out _);
                }
            }
        }

        public static string? Of(ActivityTraceId trace) => Correlations.GetValueOrDefault(trace);
    }

    /// <summary>
    /// Gives every span the correlation id of the work it is part of: the baggage its request, job or handler set,
    /// else the one its trace was tagged with.
    /// </summary>
    private sealed class CorrelationProcessor : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            if (activity.GetTagItem(CorrelationId) is not null)
            {
                return;
            }

            if ((activity.GetBaggageItem(CorrelationId) ?? Traces.Of(activity.TraceId)) is { } correlationId)
            {
                activity.SetTag(CorrelationId, correlationId);
            }
        }
    }
}
