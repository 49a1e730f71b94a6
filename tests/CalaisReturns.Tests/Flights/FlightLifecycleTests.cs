using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using Marten;

namespace CalaisReturns.Tests.Flights;

public class FlightLifecycleTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> Events(Guid flightId)
    {
        await using var session = App.Store.QuerySession();
        return await session.Events.FetchStreamAsync(flightId);
    }

    [Fact]
    public async Task A_flight_is_planned_booked_staffed_flown_and_completed_as_events_and_in_the_schedule()
    {
        var id = await App.PlannedFlight();
        await App.Post($"/api/flights/{id}/charter", Api.Charter(180));
        await App.Post($"/api/flights/{id}/seat-allocation",
            new { allocations = new[] { new { state = "UK", seats = 100 }, new { state = "FR", seats = 80 } } });
        await App.Post($"/api/flights/{id}/escort-team", new { state = "UK", escorts = 20, medics = 1, interpreters = 1 });
        await App.Post($"/api/flights/{id}/escort-team", new { state = "FR", escorts = 16, medics = 1, interpreters = 2 },
            actor: Actors.FrPlanner);
        await App.Post($"/api/flights/{id}/monitor", new { organisation = "Independent Monitoring Boards" });

        var ukCases = new[] { await App.OpenCase(State.UK), await App.OpenCase(State.UK) };
        var frCase = await App.OpenCase(State.FR);
        foreach (var c in ukCases)
        {
            await App.Manifest(id, c);
        }

        await App.Manifest(id, frCase, State.FR);

        var prepared = await App.GetJson<FlightSchedule>($"/api/flights/{id}");
        Assert.Equal(FlightStatus.Booked, prepared.Status);
        Assert.Empty(prepared.Warnings);
        Assert.Equal(9, prepared.Version);
        Assert.Equal((2, 1), (prepared.For(State.UK).Confirmed, prepared.For(State.FR).Confirmed));

        App.Clock.Now = Api.Departure.AddMinutes(30);
        await App.Post($"/api/flights/{id}/departure", new
        {
            actualDeparture = Api.Departure.AddMinutes(25),
            returneesOnBoard = new[] { new { state = "UK", returnees = 2 }, new { state = "FR", returnees = 1 } },
        });
        App.Clock.Advance(TimeSpan.FromHours(5));
        var completed = await App.Post($"/api/flights/{id}/completion", new
        {
            outcomes = new object[]
            {
                new { state = "UK", handedOver = 1, refusedAdmission = new[] { ukCases[1] } },
                new { state = "FR", handedOver = 1, refusedAdmission = Array.Empty<Guid>() },
            },
        });
        Assert.Equal(new Accepted(id, 11), completed.ReadAsJson<Accepted>());

        var events = await Events(id);
        Assert.Equal(
            ["flight_planned", "charter_booked", "seats_allocated", "escort_team_assigned", "escort_team_assigned",
                "monitor_assigned", "returnee_manifested", "returnee_manifested", "returnee_manifested",
                "flight_departed", "flight_completed"],
            events.Select(e => e.EventTypeName));
        Assert.Equal(AppFixture.Start, events[0].Timestamp);
        Assert.Equal(Api.Departure.AddMinutes(30).AddHours(5), events[^1].Timestamp);
        Assert.Matches(@"^RF-2026-\d{4}$", ((FlightPlanned)events[0].Data).Reference);

        var schedule = await App.GetJson<List<FlightSchedule>>("/api/schedule");
        var flight = Assert.Single(schedule);
        Assert.Equal(FlightStatus.Completed, flight.Status);
        Assert.Equal(Api.Departure.AddMinutes(25), flight.ActualDeparture);
        Assert.Equal((2, 1, 1), (flight.For(State.UK).ReturneesOnBoard, flight.For(State.UK).HandedOver,
            flight.For(State.UK).RefusedAdmission));
        Assert.Equal(11, flight.Version);
    }

    [Fact]
    public async Task A_cancelled_flight_refuses_everything_after_and_the_refusals_write_nothing()
    {
        var id = await App.BookedFlight();
        await App.Post($"/api/flights/{id}/cancellation", new { reason = "Landing permission withdrawn" });

        var refused = await App.Post($"/api/flights/{id}/monitor", new { organisation = "IMB" }, 409);
        Assert.Contains("cancelled", refused.Problem()["detail"]!.GetValue<string>());
        await App.Post($"/api/flights/{id}/cancellation", new { reason = "again" }, 409);
        await App.Post($"/api/flights/{id}/reschedule",
            new { newDeparture = Api.Departure.AddDays(1), reason = "retry" }, 409);

        Assert.Equal(3, (await Events(id)).Count);
        var view = await App.GetJson<FlightSchedule>($"/api/flights/{id}");
        Assert.Equal(FlightStatus.Cancelled, view.Status);
        Assert.Equal("Landing permission withdrawn", view.CancellationReason);
    }

    [Fact]
    public async Task A_reschedule_moves_the_flight_in_the_schedule()
    {
        var id = await App.BookedFlight();
        await App.Post($"/api/flights/{id}/reschedule", new { newDeparture = Api.Departure.AddDays(2), reason = "Crew" });
        Assert.Equal(Api.Departure.AddDays(2), (await App.GetJson<FlightSchedule>($"/api/flights/{id}")).ScheduledDeparture);
    }

    [Fact]
    public async Task References_are_consecutive_and_a_refused_plan_uses_no_number()
    {
        var first = await App.PlannedFlight();
        await App.Post("/api/flights", Api.Plan(departure: AppFixture.Start.AddDays(-1)), 400);
        var second = await App.PlannedFlight();

        var a = (await App.GetJson<FlightSchedule>($"/api/flights/{first}")).Reference;
        var b = (await App.GetJson<FlightSchedule>($"/api/flights/{second}")).Reference;
        Assert.Equal(int.Parse(a[^4..]) + 1, int.Parse(b[^4..]));
    }

    [Fact]
    public async Task The_schedule_filters_by_date_range_country_status_and_lead_state()
    {
        var albania = await App.PlannedFlight(Api.Plan(State.UK, country: "AL", departure: Api.Departure));
        var kosovo = await App.PlannedFlight(Api.Plan(State.FR, country: "XK", departure: Api.Departure.AddDays(10)));
        var georgia = await App.PlannedFlight(Api.Plan(State.UK, [State.UK], "GE", Api.Departure.AddDays(20)));
        await App.Post($"/api/flights/{georgia}/charter", Api.Charter());

        async Task<Guid[]> Ids(string query) =>
            [.. (await App.GetJson<List<FlightSchedule>>("/api/schedule" + query)).Select(f => f.Id)];

        Assert.Equal([albania, kosovo, georgia], await Ids(""));
        Assert.Equal([kosovo], await Ids($"?from={Api.Departure.AddDays(1):yyyy-MM-dd}&to={Api.Departure.AddDays(11):yyyy-MM-dd}"));
        Assert.Equal([kosovo], await Ids("?country=XK"));
        Assert.Equal([georgia], await Ids("?status=Booked"));
        Assert.Equal([albania, georgia], await Ids("?leadState=UK"));
        Assert.Equal([georgia], await Ids("?leadState=UK&status=booked&country=GE"));

        var bad = (await App.Get("/api/schedule?status=Flying&from=tomorrow", 400)).Problem();
        Assert.Equal(["from", "status"], bad["errors"]!.AsObject().Select(p => p.Key).Order());
    }
}
