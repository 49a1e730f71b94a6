using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Jobs.Retention;
using Hangfire;
using Hangfire.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class PersonalDataRetentionTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Cases_closed_longer_than_the_retention_period_are_erased_once_by_the_system()
    {
        var (old, recent, open) = (await App.OpenCase(), await App.OpenCase(), await App.OpenCase());
        await App.Post($"/api/cases/{old}/closure", new { reason = "Removed" });
        App.Clock.Advance(TimeSpan.FromDays(2));
        await App.Post($"/api/cases/{recent}/closure", new { reason = "Released" });

        App.Clock.Advance(TimeSpan.FromDays(9)); // old: closed 11 days ago; recent: 9 days ago
        await Host.TrackActivity().ExecuteAndWaitAsync(ctx => ctx.InvokeAsync(new EraseExpiredPersonalData()));
        await Host.TrackActivity().ExecuteAndWaitAsync(ctx => ctx.InvokeAsync(new EraseExpiredPersonalData()));

        var erased = await App.GetJson<CaseSummary>($"/api/cases/{old}");
        Assert.Equal((true, null), (erased.PersonalDataErased, erased.FullName));
        Assert.Equal("Test Person", (await App.GetJson<CaseSummary>($"/api/cases/{recent}")).FullName);
        Assert.Equal("Test Person", (await App.GetJson<CaseSummary>($"/api/cases/{open}")).FullName);

        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(old);
        Assert.Equal("system:personal-data-retention", Assert.Single(events, e => e.Data is PersonalDataErased).UserName);
        Assert.Null(((CaseOpened)events[0].Data).FullName);
    }

    [Fact]
    public void The_retention_job_is_registered_to_run_daily() =>
        Assert.Contains(Host.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs(),
            j => j.Id == PersonalDataRetentionJob.Id && j.Cron == Cron.Daily(2));
}
