using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Server;

namespace CalaisReturns.Core.Telemetry;

/// <summary>
/// A Hangfire job's run as a span of its own, counted by job and outcome, and logged under a scope that names it: its
/// correlation id is the job's (<c>job-42</c>) and its user the system.
/// </summary>
public sealed class JobTelemetry(ILoggerFactory loggers) : IServerFilter
{
    private const string NameItem = "calais.job";
    private const string ActivityItem = "calais.activity";
    private const string ScopeItem = "calais.log-scope";

    private static readonly Counter<long> Runs = Telemetry.Meter.CreateCounter<long>("calais.jobs", "{run}",
        "Background job runs, by job and outcome");

    private readonly ILogger logger = loggers.CreateLogger("CalaisReturns.Jobs");

    public void OnPerforming(PerformingContext context)
    {
        // Read once: the recurring job's id is a parameter in Hangfire's storage.
        var name = Name(context);
        context.Items[NameItem] = name;
        var correlation = $"job-{context.BackgroundJob.Id}";
        var activity = Telemetry.Source.StartActivity($"job {name}");
        activity?.SetTag("calais.job", name);
        Telemetry.TagCorrelation(activity, correlation);
        context.Items[ActivityItem] = activity;
        context.Items[ScopeItem] = logger.BeginScope(LogScope.For(correlation, LogScope.System));
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Canceled ? "canceled" : context.Exception is null || context.ExceptionHandled ? "succeeded" : "failed";
        var name = context.Items.TryGetValue(NameItem, out var named) && named is string known ? known : Name(context);
        Runs.Add(1, new TagList { { "job", name }, { "outcome", outcome } });
        // Hangfire logs a failure with its exception; this line says each run's end, for those who ask for it.
        logger.LogDebug("Job {Job} {Outcome}", name, outcome);
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            activity.SetTag("calais.job.outcome", outcome);
            if (outcome == "failed")
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        if (context.Items.TryGetValue(ScopeItem, out var scope))
        {
            (scope as IDisposable)?.Dispose();
        }
    }

    /// <summary>The recurring job's id (<c>manifest-deadlines</c>), else the job's class and method.</summary>
    private static string Name(PerformContext context) =>
        context.GetJobParameter<string>("RecurringJobId") is { Length: > 0 } recurring
            ? recurring
            : $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
}
