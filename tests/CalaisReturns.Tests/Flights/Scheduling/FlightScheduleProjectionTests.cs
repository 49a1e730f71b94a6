using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights.Scheduling;

public class FlightScheduleProjectionTests
{
    private static readonly FlightScheduleProjection Projection = new(new ManifestRules());

    private static FlightSchedule Project(params object[] events)
    {
        return StoredEvents.Stream(events).Aggregate((FlightSchedule?)null, (view, e) => Projection.Evolve(view, FlightId, e))!;
    }

    [Fact]
    public void A_planned_flight_warns_that_it_has_no_charter_escorts_or_monitor()
    {
        var view = Project(Planned());
        Assert.Equal(FlightStatus.Planned, view.Status);
        Assert.Equal("RF-2026-0001", view.Reference);
        Assert.Equal(
            [ScheduleWarnings.NoCharter, "No escort team assigned for UK.", "No escort team assigned for FR.",
                ScheduleWarnings.NoMonitor],
            view.Warnings);
    }

    [Fact]
    public void A_fully_prepared_flight_has_no_warnings_and_shows_seats_and_teams_per_state()
    {
        var view = Project(Planned(), Booked(180), Allocated(100, 80),
            new EscortTeamAssigned(FlightId, State.UK, 50, 2, 1, Now),
            new EscortTeamAssigned(FlightId, State.FR, 40, 1, 2, Now),
            new MonitorAssigned(FlightId, "IMB", Now));
        Assert.Empty(view.Warnings);
        Assert.Equal(FlightStatus.Booked, view.Status);
        Assert.Equal(180, view.SeatCapacity);
        Assert.Equal((100, 50, 2, 1), (view.For(State.UK).SeatsAllocated, view.For(State.UK).Escorts,
            view.For(State.UK).Medics, view.For(State.UK).Interpreters));
        Assert.Equal(80, view.For(State.FR).SeatsAllocated);
        Assert.Equal("IMB", view.MonitorOrganisation);
    }

    [Fact]
    public void Escorts_below_the_configured_ratio_per_confirmed_returnee_are_warned()
    {
        object[] events = [Planned(), Booked(180), Allocated(100, 80), new EscortTeamAssigned(FlightId, State.UK, 3, 0, 0, Now),
            new EscortTeamAssigned(FlightId, State.FR, 2, 0, 0, Now), new MonitorAssigned(FlightId, "IMB", Now),
            Manifested(Case(1)), Manifested(Case(2)), Manifested(Case(101), State.FR),
            Manifested(Case(102), State.FR, confirmed: false)];
        var view = Project(events);
        Assert.Equal(["UK has 3 escorts for 2 confirmed returnees; the minimum is 2 per returnee."], view.Warnings);
        Assert.Equal((2, 0, 1, 1), (view.For(State.UK).Confirmed, view.For(State.UK).Reserves,
            view.For(State.FR).Confirmed, view.For(State.FR).Reserves));

        var lenient = new FlightScheduleProjection(new ManifestRules { EscortsPerReturnee = 1 });
        var relaxed = StoredEvents.Stream(events).Aggregate((FlightSchedule?)null, (view, e) => lenient.Evolve(view, FlightId, e))!;

        Assert.Empty(relaxed.Warnings);
    }

    [Fact]
    public void A_booked_flight_warns_per_state_without_seats()
    {
        var view = Project(Planned(), Booked(), new SeatsAllocated(FlightId, [new(State.UK, 10)], Now),
            new MonitorAssigned(FlightId, "IMB", Now));
        Assert.Contains("No seats allocated to FR.", view.Warnings);
        Assert.DoesNotContain("No seats allocated to UK.", view.Warnings);
    }

    [Fact]
    public void Departure_completion_and_rescheduling_are_shown_and_closed_flights_carry_no_warnings()
    {
        var view = Project(Planned(), Booked(), Allocated(60, 40),
            new FlightRescheduled(FlightId, Departure.AddDays(1), "Weather", Now),
            Departed(50, 30) with { ActualDeparture = Departure.AddDays(1).AddMinutes(20) },
            new FlightCompleted(FlightId, [new HandoverOutcome(State.UK, 49, [Case(1)])], Now));
        Assert.Equal(FlightStatus.Completed, view.Status);
        Assert.Equal(Departure.AddDays(1), view.ScheduledDeparture);
        Assert.Equal(Departure.AddDays(1).AddMinutes(20), view.ActualDeparture);
        Assert.Equal((50, 49, 1), (view.For(State.UK).ReturneesOnBoard, view.For(State.UK).HandedOver,
            view.For(State.UK).RefusedAdmission));
        Assert.Equal((30, 0, 0), (view.For(State.FR).ReturneesOnBoard, view.For(State.FR).HandedOver,
            view.For(State.FR).RefusedAdmission));
        Assert.Empty(view.Warnings);
    }

    [Fact]
    public void A_cancelled_flight_shows_why_and_carries_no_warnings()
    {
        var view = Project(Planned(), Cancelled());
        Assert.Equal(FlightStatus.Cancelled, view.Status);
        Assert.Equal("Landing permission withdrawn", view.CancellationReason);
        Assert.Empty(view.Warnings);
    }
}
