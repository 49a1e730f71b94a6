using CalaisReturns.Core;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Jobs.ManifestLocking;
using CalaisReturns.Jobs.Notifications;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class DeadlineWarningTests(AppFixture app) : IntegrationTest(app)
{
    private Task Sweep() => Host.InvokeMessageAndWaitAsync(new SweepManifestDeadlines());

    [Fact]
    public async Task The_sweep_warns_the_planners_of_the_flights_states_once_per_deadline_and_they_acknowledge_it()
    {
        var flight = await App.BookedFlight();
        var ukOnly = await App.PlannedFlight(Api.Plan(State.UK, [State.UK]));
        await Sweep();
        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));

        App.Clock.Now = new ManifestRules().NoticeDeadline(Api.Departure);
        await Sweep();
        await Sweep();
        var notice = Assert.Single(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", Actors.FrPlanner));
        Assert.Equal((flight, "RF-2026-0001", DeadlineKind.NoticeDeadline), (notice.FlightId, notice.Reference, notice.Kind));
        Assert.Equal(2, (await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications")).Count);

        App.Clock.Now = Api.Departure.AddHours(-24 - 48);
        await Sweep();
        var fr = await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", Actors.FrPlanner);
        Assert.Equal([DeadlineKind.LockIn48Hours, DeadlineKind.NoticeDeadline], fr.Select(n => n.Kind));
        Assert.Equal(Api.Departure.AddHours(-24), fr[0].DeadlineAt);

        await App.Post($"/api/notifications/{notice.Id}/acknowledgement", new { }, actor: Actors.FrPlanner);
        await App.Post($"/api/notifications/{notice.Id}/acknowledgement", new { }, actor: Actors.FrPlanner);
        Assert.Equal(["fr.planner"], (await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"))
            .Single(n => n.Id == notice.Id).AcknowledgedBy);
        Assert.Equal(4, (await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications")).Count);
        Assert.DoesNotContain(fr, n => n.FlightId == ukOnly);
        // Finance staff read their own warnings (grants) there, not the planners': to them this one does not exist.
        await App.Post($"/api/notifications/{notice.Id}/acknowledgement", new { }, 404,
            CalaisReturns.Tests.Actors.Of(CalaisReturns.Core.Identity.Role.Finance, State.UK));
        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications",
            CalaisReturns.Tests.Actors.Of(CalaisReturns.Core.Identity.Role.Finance, State.UK)));
        await App.Post($"/api/notifications/{notice.Id}/acknowledgement", new { }, 403,
            CalaisReturns.Tests.Actors.Of(CalaisReturns.Core.Identity.Role.EscortLeader, State.UK));
    }

    [Fact]
    public async Task A_moved_or_cancelled_flight_gets_no_stale_warning()
    {
        var moved = await App.BookedFlight();
        await App.Post($"/api/flights/{moved}/reschedule", new { newDeparture = Api.Departure.AddDays(14), reason = "Slot" });
        var cancelled = await App.BookedFlight();
        await App.Post($"/api/flights/{cancelled}/cancellation", new { reason = "Strike" });

        App.Clock.Now = Api.Departure.AddHours(-24 - 47);
        await Sweep();

        Assert.Empty(await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications"));
    }
}
