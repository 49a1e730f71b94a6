using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.ManifestLocking;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class ManifestLockJobTests(AppFixture app) : IntegrationTest(app)
{
    private Task Sweep() => Host.InvokeMessageAndWaitAsync(new SweepManifestDeadlines());

    private async Task<FlightStatus> Status(Guid flight) => (await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Status;

    [Fact]
    public async Task The_sweep_locks_a_booked_flight_at_departure_minus_the_lead_time_and_a_reschedule_moves_the_lock()
    {
        var flight = await App.BookedFlight();
        var moved = await App.BookedFlight();
        await App.Post($"/api/flights/{moved}/reschedule", new { newDeparture = Api.Departure.AddDays(3), reason = "Slot" });

        App.Clock.Now = Api.Departure.AddHours(-24).AddSeconds(-1);
        await Sweep();
        Assert.Equal(FlightStatus.Booked, await Status(flight));

        App.Clock.Now = Api.Departure.AddHours(-24);
        await Sweep();
        await Sweep();
        Assert.Equal((FlightStatus.ManifestLocked, FlightStatus.Booked), (await Status(flight), await Status(moved)));
        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(flight);
        var locked = Assert.Single(events, e => e.Data is ManifestLocked);
        Assert.Equal(("system:manifest-lock", $"{flight}/1"), (locked.UserName, locked.CausationId));

        App.Clock.Now = Api.Departure.AddDays(3).AddHours(-24);
        await Sweep();
        Assert.Equal(FlightStatus.ManifestLocked, await Status(moved));
        var movedLock = (await session.Events.FetchStreamAsync(moved)).Single(e => e.Data is ManifestLocked);
        Assert.Equal($"{moved}/3", movedLock.CausationId);
    }

    [Fact]
    public async Task Planning_writes_no_job_the_one_recurring_sweep_serves_every_flight()
    {
        var storage = Host.Services.GetRequiredService<JobStorage>();
        var before = storage.GetMonitoringApi().GetStatistics();
        await App.AndPolicies(() => App.BookedFlight());
        await App.AndPolicies(async () =>
        {
            await App.Post($"/api/flights/{await App.PlannedFlight()}/reschedule", new { newDeparture = Api.Departure.AddDays(3), reason = "Slot" });
            return 0;
        });

        var after = storage.GetMonitoringApi().GetStatistics();
        Assert.Equal((before.Scheduled, before.Enqueued), (after.Scheduled, after.Enqueued));
        using var connection = storage.GetConnection();
        var sweep = Assert.Single(connection.GetRecurringJobs(), j => j.Id == ManifestDeadlinesJob.Id);
        Assert.Equal(Cron.Minutely(), sweep.Cron);
    }

    [Fact]
    public async Task The_job_locks_a_booked_flight_once_as_the_system_and_ignores_a_moved_or_cancelled_one()
    {
        var booked = await App.BookedFlight();
        var command = new LockManifestAtDeadline(booked, Api.Departure);
        var moved = await App.BookedFlight();
        await App.Post($"/api/flights/{moved}/reschedule", new { newDeparture = Api.Departure.AddDays(2), reason = "Slot" });
        var cancelled = await App.BookedFlight();
        await App.Post($"/api/flights/{cancelled}/cancellation", new { reason = "Strike" });
        App.Clock.Now = Api.Departure.AddHours(-23);
        await Host.InvokeMessageAndWaitAsync(command);
        await Host.InvokeMessageAndWaitAsync(command);

        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(booked);
        var locks = events.Where(e => e.Data is ManifestLocked).ToList();
        Assert.Equal("system:manifest-lock", Assert.Single(locks).UserName);
        // Caused by the planning that set the departure, in the correlation of its request.
        Assert.Equal(($"{booked}/1", events[0].CorrelationId), (locks[0].CausationId, locks[0].CorrelationId));
        Assert.Equal(FlightStatus.ManifestLocked, (await App.GetJson<FlightSchedule>($"/api/flights/{booked}")).Status);

        await Host.InvokeMessageAndWaitAsync(new LockManifestAtDeadline(moved, Api.Departure));
        await Host.InvokeMessageAndWaitAsync(new LockManifestAtDeadline(cancelled, Api.Departure));

        Assert.Equal(FlightStatus.Booked, (await App.GetJson<FlightSchedule>($"/api/flights/{moved}")).Status);
        Assert.Equal(FlightStatus.Cancelled, (await App.GetJson<FlightSchedule>($"/api/flights/{cancelled}")).Status);
    }

    [Fact]
    public async Task A_lock_sent_before_its_deadline_refuses_and_the_sweep_locks_at_the_deadline()
    {
        var flight = await App.BookedFlight();
        App.Clock.Now = Api.Departure.AddDays(-10);
        await Host.InvokeMessageAndWaitAsync(new LockManifestAtDeadline(flight, Api.Departure));
        Assert.Equal(FlightStatus.Booked, await Status(flight));

        App.Clock.Now = Api.Departure.AddHours(-23);
        await Sweep();
        Assert.Equal(FlightStatus.ManifestLocked, await Status(flight));
    }

    [Theory]
    [InlineData(CalaisReturns.Core.Identity.Role.Planner, 403)]
    [InlineData(CalaisReturns.Core.Identity.Role.Auditor, 403)]
    [InlineData(CalaisReturns.Core.Identity.Role.Admin, 200)]
    public async Task The_dashboard_is_for_admins_only(CalaisReturns.Core.Identity.Role role, int status) =>
        await Host.Scenario(s =>
        {
            s.Get.Url("/jobs");
            s.WithBearerToken(App.Token(Actors.Of(role, State.UK)));
            s.StatusCodeShouldBe(status);
        });

    [Theory]
    [InlineData("/jobs/jobs/scheduled/enqueue")]
    [InlineData("/jobs/jobs/scheduled/delete")]
    [InlineData("/jobs/jobs/failed/requeue")]
    [InlineData("/jobs/recurring/trigger")]
    public async Task The_dashboard_is_read_only_an_admin_can_neither_trigger_nor_delete_a_job(string command)
    {
        var storage = Host.Services.GetRequiredService<JobStorage>();
        // Hangfire logs through a static provider, which the last host built set: make it this host's again.
        GlobalConfiguration.Configuration.UseLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(
            Host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        var key = Host.Services.GetRequiredService<IBackgroundJobClient>().Schedule<ManifestDeadlinesJob>(j => j.Run(), TimeSpan.FromDays(1));
        ScheduledJobDto Scheduled() => storage.GetMonitoringApi().ScheduledJobs(0, 1000).Single(j => j.Key == key).Value;
        var scheduled = Scheduled();

        var admin = App.Token(Actors.Of(CalaisReturns.Core.Identity.Role.Admin, State.UK));
        var refused = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["jobs[]"] = command.Contains("recurring") ? ManifestDeadlinesJob.Id : key })
                .ToUrl(command);
            s.WithBearerToken(admin);
            s.IgnoreStatusCode();
        });
        Assert.Contains(refused.Context.Response.StatusCode, (int[])[401, 403]);
        Assert.Equal(scheduled.EnqueueAt, Scheduled().EnqueueAt);
        Assert.Equal(0, storage.GetMonitoringApi().GetStatistics().Enqueued);

        // Nor does the dashboard offer them: its pages carry no command.
        foreach (var page in (string[])["/jobs/jobs/scheduled", "/jobs/recurring", "/jobs/jobs/failed"])
        {
            var html = (await Host.Scenario(s => { s.Get.Url(page); s.WithBearerToken(admin); })).ReadAsText();
            Assert.DoesNotContain(command.Replace("/jobs/jobs/", "/jobs/").Replace("/jobs/recurring", "/recurring"), html);
            Assert.DoesNotContain("js-jobs-list-command", html);
        }
    }
}
