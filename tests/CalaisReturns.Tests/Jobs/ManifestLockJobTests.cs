using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.ManifestLocking;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class ManifestLockJobTests(AppFixture app) : IntegrationTest(app)
{
    private List<KeyValuePair<string, ScheduledJobDto>> LockJobsFor(Guid flight) =>
        [.. Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job.Type == typeof(ManifestLockJob) && (Guid)j.Value.Job.Args[0] == flight)];

    [Fact]
    public async Task Planning_schedules_the_lock_at_departure_minus_the_lead_time_and_rescheduling_replaces_it()
    {
        var flight = await App.AndPolicies(() => App.PlannedFlight());
        var job = Assert.Single(LockJobsFor(flight));
        Assert.Equal(Api.Departure.AddHours(-24).UtcDateTime, job.Value.EnqueueAt);

        await App.Post($"/api/flights/{flight}/charter", Api.Charter());
        await App.AndPolicies(() => App.Post($"/api/flights/{flight}/reschedule",
            new { newDeparture = Api.Departure.AddDays(3), reason = "Slot" }));

        var moved = Assert.Single(LockJobsFor(flight));
        Assert.NotEqual(job.Key, moved.Key);
        Assert.Equal(Api.Departure.AddDays(3).AddHours(-24).UtcDateTime, moved.Value.EnqueueAt);
        Assert.Equal("Deleted", Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(job.Key)
            .History.First().StateName);
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
    public async Task A_lock_started_before_its_deadline_refuses_and_puts_itself_back_at_the_deadline()
    {
        var flight = await App.BookedFlight();
        App.Clock.Now = Api.Departure.AddDays(-40);
        await Host.InvokeMessageAndWaitAsync(new LockManifestAtDeadline(flight, Api.Departure));

        Assert.Equal(FlightStatus.Booked, (await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Status);
        Assert.Contains(LockJobsFor(flight), j => j.Value.EnqueueAt == Api.Departure.AddHours(-24).UtcDateTime);
    }

    [Fact]
    public async Task Scheduled_jobs_are_kept_in_PostgreSQL_so_a_restarted_host_still_has_them()
    {
        var flight = await App.AndPolicies(() => App.PlannedFlight());
        var scheduled = Assert.Single(LockJobsFor(flight));

        await using var restarted = await Alba.AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", AppFixture.ConnectionString);
            web.UseSetting("Database:Schema", App.Schema);
            web.UseSetting("Jobs:RunServer", "false");
            // Only the job storage is looked at: no second daemon racing the fixture's on this schema.
            web.UseSetting("Marten:DaemonMode", "Disabled");
            web.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            });
        });
        var seen = restarted.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000);
        Assert.Contains(seen, j => j.Key == scheduled.Key && j.Value.EnqueueAt == scheduled.Value.EnqueueAt);
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
        var flight = await App.AndPolicies(() => App.PlannedFlight());
        var scheduled = Assert.Single(LockJobsFor(flight));

        var admin = App.Token(Actors.Of(CalaisReturns.Core.Identity.Role.Admin, State.UK));
        var refused = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["jobs[]"] = scheduled.Key }).ToUrl(command);
            s.WithBearerToken(admin);
            s.IgnoreStatusCode();
        });
        Assert.Contains(refused.Context.Response.StatusCode, (int[])[401, 403]);
        var still = Assert.Single(LockJobsFor(flight));
        Assert.Equal((scheduled.Key, scheduled.Value.EnqueueAt), (still.Key, still.Value.EnqueueAt));

        // Nor does the dashboard offer them: its pages carry no command.
        foreach (var page in (string[])["/jobs/jobs/scheduled", "/jobs/recurring", "/jobs/jobs/failed"])
        {
            var html = (await Host.Scenario(s => { s.Get.Url(page); s.WithBearerToken(admin); })).ReadAsText();
            Assert.DoesNotContain(command.Replace("/jobs/jobs/", "/jobs/").Replace("/jobs/recurring", "/recurring"), html);
            Assert.DoesNotContain("js-jobs-list-command", html);
        }
    }
}
