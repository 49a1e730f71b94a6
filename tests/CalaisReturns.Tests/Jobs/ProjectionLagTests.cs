using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Jobs.ProjectionHealth;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class ProjectionLagTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_lag_of_every_async_projection_is_recorded()
    {
        await App.BookedFlight();
        await App.ProjectionsCaughtUp();
        await Host.InvokeMessageAndWaitAsync(new RecordProjectionLag());
        await Host.InvokeMessageAndWaitAsync(new RecordProjectionLag());

        var lag = await App.GetJson<ProjectionLag>("/api/admin/projection-lag", Actors.Of(Role.Admin, State.UK));
        Assert.Equal((2L, 0L, true), (lag.HighWaterMark, lag.MaxLag, lag.WithinLimit));
        Assert.Contains(lag.Shards, s => s.Shard.StartsWith("CostShareReportEntry"));
        Assert.Equal(AppFixture.Start, lag.RecordedAt);
        await App.Get("/api/admin/projection-lag", 403, Actors.UkPlanner);
        Assert.Contains(Host.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs(),
            j => j.Id == ProjectionLagJob.Id && j.Cron == Cron.Minutely());
    }
}
