using CalaisReturns.Core;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Jobs.Notifications;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class DeadlineWarningTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Planning_schedules_warnings_at_the_notice_deadline_and_48_hours_before_the_lock()
    {
        var flight = await App.AndPolicies(() => App.PlannedFlight());
        var warnings = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job.Type == typeof(DeadlineWarningJob) && (Guid)j.Value.Job.Args[0] == flight)
            .ToDictionary(j => (DeadlineKind)j.Value.Job.Args[1], j => j.Value.EnqueueAt);
        Assert.Equal(new ManifestRules().NoticeDeadline(Api.Departure).UtcDateTime, warnings[DeadlineKind.NoticeDeadline]);
        Assert.Equal(Api.Departure.AddHours(-24 - 48).UtcDateTime, warnings[DeadlineKind.LockIn48Hours]);
    }

    [Fact]
    public async Task A_warning_is_raised_once_for_the_planners_of_the_flights_states_and_acknowledged()
    {
        var flight = await App.BookedFlight();
        var warn = new WarnOfDeadline(flight, DeadlineKind.LockIn48Hours, Api.Departure, Api.Departure.AddHours(-24));
        await Host.InvokeMessageAndWaitAsync(warn);
        await Host.InvokeMessageAndWaitAsync(warn);

        var seen = Assert.Single(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", Actors.FrPlanner));
        Assert.Equal((flight, "RF-2026-0001", DeadlineKind.LockIn48Hours), (seen.FlightId, seen.Reference, seen.Kind));
        await App.Post($"/api/notifications/{seen.Id}/acknowledgement", new { }, actor: Actors.FrPlanner);
        await App.Post($"/api/notifications/{seen.Id}/acknowledgement", new { }, actor: Actors.FrPlanner);
        Assert.Equal(["fr.planner"], (await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications")).Single().AcknowledgedBy);

        var ukOnly = await App.PlannedFlight(Api.Plan(State.UK, [State.UK]));
        await Host.InvokeMessageAndWaitAsync(new WarnOfDeadline(ukOnly, DeadlineKind.NoticeDeadline, Api.Departure, Api.Departure));
        Assert.Single(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", Actors.FrPlanner));
        Assert.Equal(2, (await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications")).Count);
        await App.Post($"/api/notifications/{seen.Id}/acknowledgement", new { }, 403,
            CalaisReturns.Tests.Actors.Of(CalaisReturns.Core.Identity.Role.Finance, State.UK));
    }

    [Fact]
    public async Task A_moved_or_cancelled_flight_gets_no_stale_warning()
    {
        var moved = await App.BookedFlight();
        await App.Post($"/api/flights/{moved}/reschedule", new { newDeparture = Api.Departure.AddDays(5), reason = "Slot" });
        await Host.InvokeMessageAndWaitAsync(new WarnOfDeadline(moved, DeadlineKind.NoticeDeadline, Api.Departure, Api.Departure));
        var cancelled = await App.BookedFlight();
        await App.Post($"/api/flights/{cancelled}/cancellation", new { reason = "Strike" });
        await Host.InvokeMessageAndWaitAsync(new WarnOfDeadline(cancelled, DeadlineKind.NoticeDeadline, Api.Departure, Api.Departure));
        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));
    }
}
