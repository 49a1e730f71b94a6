using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;

namespace CalaisReturns.Jobs;

/// <summary>
/// Hangfire on the same PostgreSQL database, in a schema of its own. Jobs are thin: each sends a
/// Wolverine command and every rule stays in the domain. <c>Jobs:RunServer=false</c> stores jobs
/// without running them (tests run them synchronously).
/// </summary>
public static class JobsModule
{
    public static IServiceCollection AddCalaisJobs(this IServiceCollection services, IConfiguration configuration,
        string connectionString, string schema)
    {
        services.AddHangfire((provider, cfg) => cfg
            .UseFilter(new Core.Telemetry.JobTelemetry(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = schema + "_hangfire",
                QueuePollInterval = TimeSpan.FromSeconds(1),
                // A running job's claim is renewed in the background, so the claim can be short: a job
                // whose process died is run again once its claim lapses (measured by JobCrashTests),
                // not after Hangfire's 30-minute default.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = configuration.GetValue("Jobs:InvisibilityTimeout", TimeSpan.FromMinutes(1)),
            }));
        services.AddHostedService<RecurringJobs>();
        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = 2;
                // How often due scheduled and recurring jobs are looked for (Hangfire's default: 15 s).
                o.SchedulePollingInterval = configuration.GetValue("Jobs:SchedulePollingInterval", o.SchedulePollingInterval);
            });
        }

        return services;
    }

    /// <summary>The dashboard at <c>/jobs</c>, for admins only.</summary>
    /// <summary>
    /// The jobs dashboard, for admins, read-only: it shows what is scheduled, running and failed, but nobody can
    /// trigger, requeue or delete a job from it (Hangfire answers such a POST with 401), because a job run by hand
    /// would act as the system, unaudited. "Back to site" leads to the pages' start, as the admin menu leads here.
    /// </summary>
    public static void UseJobsDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminsOnly()],
            IsReadOnlyFunc = _ => true,
            AppPath = "/",
        });

    private sealed class AdminsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            Actor.TryFrom(context.GetHttpContext().User) is { Role: Role.Admin };
    }
}
