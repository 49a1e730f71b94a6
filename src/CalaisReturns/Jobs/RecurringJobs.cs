using CalaisReturns.Jobs.PeriodSnapshots;
using CalaisReturns.Jobs.ProjectionHealth;
using CalaisReturns.Jobs.Retention;
using CalaisReturns.Jobs.ManifestLocking;
using Hangfire;

namespace CalaisReturns.Jobs;

/// <summary>Registers the recurring jobs at start-up (not in Program: the command line must not need the database).</summary>
public sealed class RecurringJobs(IRecurringJobManager jobs, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        jobs.AddOrUpdate<PersonalDataRetentionJob>(PersonalDataRetentionJob.Id, j => j.Run(), Cron.Daily(2),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<PeriodSnapshotJob>(PeriodSnapshotJob.Id, j => j.Run(),
            Cron.Monthly(1, 3), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<ManifestDeadlinesJob>(ManifestDeadlinesJob.Id, j => j.Run(),
            configuration.GetValue("Jobs:DeadlineSweep", Cron.Minutely())!, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<Accountability.AccountabilityDeadlinesJob>(Accountability.AccountabilityDeadlinesJob.Id, j => j.Run(),
            configuration.GetValue("Jobs:AccountabilitySweep", "*/5 * * * *")!, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<Finance.Granting.GrantDeadlinesJob>(Finance.Granting.GrantDeadlinesJob.Id, j => j.Run(),
            configuration.GetValue("Jobs:GrantSweep", Cron.Hourly())!, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<ProjectionLagJob>(ProjectionLagJob.Id, j => j.Run(),
            configuration.GetValue("Jobs:ProjectionLag", Cron.Minutely())!,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
