using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Booking;
using CalaisReturns.Flights.Cancelling;
using CalaisReturns.Flights.Completing;
using CalaisReturns.Flights.Departing;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Planning;
using CalaisReturns.Flights.Rescheduling;
using CalaisReturns.Flights.Staffing;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights;

public class PlanningTests
{
    [Fact]
    public void Planning_records_the_flight_with_its_reference_and_the_time_it_was_planned()
    {
        var command = new PlanFlight(State.FR, [State.FR, State.UK], "XK", "CDG", "PRN", Departure);
        ThenAccepted(Decision.Accept(PlanFlightEndpoint.Decide(command, FlightId, "RF-2026-0042", Now)),
            new FlightPlanned(FlightId, "RF-2026-0042", State.FR, command.ParticipatingStates, "XK", "CDG", "PRN",
                Departure, Now,
                [
                    // A plan without stops is the route it always was: every state boards at the departure.
                    new FlightStop(FlightRoute.PlannedStopId(FlightId, 0), "CDG", StopKind.Departure, [State.FR, State.UK], null, Departure),
                    new FlightStop(FlightRoute.PlannedStopId(FlightId, 1), "PRN", StopKind.DropOff, [], "XK", null),
                ]));
    }

    [Theory]
    [InlineData(2026, 42, "RF-2026-0042")]
    [InlineData(2027, 1, "RF-2027-0001")]
    [InlineData(2026, 12345, "RF-2026-12345")]
    public void References_are_numbered_per_year_with_four_digits(int year, int number, string expected) =>
        Assert.Equal(expected, FlightReferences.Format(year, number));
}

public class BookingTests
{
    private static readonly BookCharter Command = new("Titan Airways", "A321", 180, "HO-1", new Money(1000m, Currency.EUR));

    [Fact]
    public void Given_a_planned_flight_When_booking_Then_the_charter_is_booked() =>
        ThenAccepted(BookCharterEndpoint.Decide(Command, Given(Planned()), Now),
            new CharterBooked(FlightId, "Titan Airways", "A321", 180, "HO-1", new Money(1000m, Currency.EUR), Now));

    [Fact]
    public void Given_a_booked_flight_When_booking_again_Then_refused() =>
        ThenRefused(BookCharterEndpoint.Decide(Command, Given(Planned(), Booked()), Now), "already booked");

    [Fact]
    public void Given_a_cancelled_flight_When_booking_Then_refused() =>
        ThenRefused(BookCharterEndpoint.Decide(Command, Given(Planned(), Cancelled()), Now), "cancelled");
}

public class SeatAllocationTests
{
    [Fact]
    public void Given_a_booked_flight_When_allocating_within_capacity_Then_seats_are_allocated()
    {
        var command = new AllocateSeats([new SeatAllocation(State.UK, 100), new SeatAllocation(State.FR, 80)]);
        ThenAccepted(AllocateSeatsEndpoint.Decide(command, Given(Planned(), Booked(180)), Now),
            new SeatsAllocated(FlightId, command.Allocations, Now));
    }

    [Fact]
    public void Given_a_planned_flight_When_allocating_Then_refused_until_the_charter_is_booked() =>
        ThenRefused(AllocateSeatsEndpoint.Decide(new AllocateSeats([new SeatAllocation(State.UK, 1)]),
            Given(Planned()), Now), "Book the charter");

    [Fact]
    public void Given_allocations_When_one_state_grows_past_the_remaining_capacity_Then_refused() =>
        ThenRefused(AllocateSeatsEndpoint.Decide(new AllocateSeats([new SeatAllocation(State.FR, 81)]),
            Given(Planned(), Booked(180), Allocated(100, 80)), Now), "total 181 seats, but the aircraft has 180");

    [Fact]
    public void Given_a_UK_only_flight_When_allocating_to_France_Then_refused() =>
        ThenRefused(AllocateSeatsEndpoint.Decide(new AllocateSeats([new SeatAllocation(State.FR, 10)]),
            Given(Planned(State.UK, State.UK), Booked()), Now), "FR does not participate");

    [Fact]
    public void Given_a_departed_flight_When_allocating_Then_refused() =>
        ThenRefused(AllocateSeatsEndpoint.Decide(new AllocateSeats([new SeatAllocation(State.UK, 10)]),
            Given(Planned(), Booked(), Allocated(10, 10), Departed(0, 0)), Now), "already departed");
}

public class StaffingTests
{
    [Fact]
    public void Given_a_participating_state_When_assigning_its_escort_team_Then_assigned() =>
        ThenAccepted(AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.FR, 8, 1, 2), Given(Planned()), Now),
            new EscortTeamAssigned(FlightId, State.FR, 8, 1, 2, Now));

    [Fact]
    public void Given_a_UK_only_flight_When_France_assigns_escorts_Then_refused() =>
        ThenRefused(AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.FR, 8, 1, 2),
            Given(Planned(State.UK, State.UK)), Now), "FR does not participate");

    [Fact]
    public void Given_a_flight_When_assigning_a_monitor_Then_the_organisation_is_recorded() =>
        ThenAccepted(AssignMonitorEndpoint.Decide(new AssignMonitor("  IMB "), Given(Planned()), Now),
            new MonitorAssigned(FlightId, "IMB", Now));

    [Fact]
    public void Given_a_cancelled_flight_When_assigning_a_monitor_Then_refused() =>
        ThenRefused(AssignMonitorEndpoint.Decide(new AssignMonitor("IMB"), Given(Planned(), Cancelled()), Now),
            "cancelled");
}

public class ReschedulingTests
{
    [Fact]
    public void Given_a_booked_flight_When_rescheduling_Then_the_new_departure_and_reason_are_recorded() =>
        ThenAccepted(RescheduleFlightEndpoint.Decide(new RescheduleFlight(Departure.AddDays(2), " Crew rest "),
                Given(Planned(), Booked()), Rules, Now),
            new FlightRescheduled(FlightId, Departure.AddDays(2), "Crew rest", Now));

    [Fact]
    public void Given_a_departed_flight_When_rescheduling_Then_refused() =>
        ThenRefused(RescheduleFlightEndpoint.Decide(new RescheduleFlight(Departure.AddDays(2), "x"),
            Given(Planned(), Booked(), Allocated(1, 1), Departed(1, 1)), Rules, Now), "already departed");

    [Fact]
    public void Given_a_flight_When_rescheduling_to_its_current_time_Then_refused() =>
        ThenRefused(RescheduleFlightEndpoint.Decide(new RescheduleFlight(Departure, "x"), Given(Planned()), Rules, Now),
            "already scheduled");
}

public class DepartureTests
{
    private static RecordDeparture Command(int uk, int fr) =>
        new(Departure, [new StateCount(State.UK, uk), new StateCount(State.FR, fr)]);

    [Fact]
    public void Given_a_confirmed_manifest_When_everyone_confirmed_boards_Then_departed() =>
        ThenAccepted(RecordDepartureEndpoint.Decide(Command(3, 2), Given(BookedWithConfirmed(3, 2)), Now),
            new FlightDeparted(FlightId, Departure, Command(3, 2).ReturneesOnBoard, Now));

    [Fact]
    public void Given_a_confirmed_manifest_When_more_board_than_were_confirmed_Then_refused() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(4, 2), Given(BookedWithConfirmed(3, 2)), Now),
            "UK has 3 confirmed returnees on the manifest but 4 on board");

    [Fact]
    public void Given_a_confirmed_manifest_When_fewer_board_Then_refused_until_the_no_shows_are_withdrawn() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(3, 1), Given(BookedWithConfirmed(3, 2)), Now),
            "FR has 2 confirmed returnees on the manifest but 1 on board; withdraw anyone who did not board");

    [Fact]
    public void Reserves_do_not_fly() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(2, 0),
            Given([.. BookedWithConfirmed(1, 0), Manifested(Case(50), confirmed: false)]), Now), "UK has 1 confirmed");

    [Fact]
    public void Given_a_planned_flight_When_departing_Then_refused() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(0, 0), Given(Planned()), Now), "charter is booked");

    [Fact]
    public void Given_a_cancelled_flight_When_departing_Then_refused() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(0, 0), Given(Planned(), Booked(), Cancelled()), Now),
            "cancelled");

    [Fact]
    public void Given_a_departed_flight_When_departing_again_Then_refused() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(1, 1), Given([.. BookedWithConfirmed(1, 1), Departed(1, 1)]), Now),
            "already departed");

    [Fact]
    public void Given_a_UK_only_flight_When_French_returnees_are_counted_Then_refused() =>
        ThenRefused(RecordDepartureEndpoint.Decide(Command(1, 1),
            Given(Planned(State.UK, State.UK), Booked(), new SeatsAllocated(FlightId, [new(State.UK, 5)], Now)), Now),
            "FR does not participate");
}

public class CompletionTests
{
    private static readonly object[] Flown = [.. BookedWithConfirmed(3, 2), Departed(3, 2)];

    [Fact]
    public void Given_a_departed_flight_When_every_returnee_is_accounted_for_Then_completed()
    {
        var command = new RecordCompletion([new HandoverOutcome(State.UK, 2, [Case(2)]), new HandoverOutcome(State.FR, 2, [])]);
        ThenAccepted(RecordCompletionEndpoint.Decide(command, Given(Flown), Now),
            new FlightCompleted(FlightId, command.Outcomes, Now));
    }

    [Fact]
    public void Given_a_departed_flight_When_the_outcomes_do_not_add_up_to_those_on_board_Then_refused() =>
        ThenRefused(RecordCompletionEndpoint.Decide(
            new RecordCompletion([new HandoverOutcome(State.UK, 1, [Case(1)]), new HandoverOutcome(State.FR, 2, [])]),
            Given(Flown), Now), "UK had 3 returnees on board, but 2 are accounted for");

    [Fact]
    public void Given_a_departed_flight_When_a_state_with_returnees_on_board_is_left_out_Then_refused() =>
        ThenRefused(RecordCompletionEndpoint.Decide(new RecordCompletion([new HandoverOutcome(State.UK, 3, [])]),
            Given(Flown), Now), "FR had 2 returnees on board, but 0");

    [Fact]
    public void Only_a_case_that_flew_for_that_state_can_be_refused_admission() =>
        ThenRefused(RecordCompletionEndpoint.Decide(
            new RecordCompletion([new HandoverOutcome(State.UK, 2, [Case(101)]), new HandoverOutcome(State.FR, 2, [])]),
            Given(Flown), Now), $"Case {Case(101)} did not fly for UK");

    [Fact]
    public void Given_a_booked_flight_When_completing_Then_refused_until_it_departs() =>
        ThenRefused(RecordCompletionEndpoint.Decide(new RecordCompletion([]), Given(Planned(), Booked()), Now),
            "has not departed");

    [Fact]
    public void Given_a_completed_flight_When_completing_again_Then_refused() =>
        ThenRefused(RecordCompletionEndpoint.Decide(new RecordCompletion([]),
            Given(Planned(), Booked(), Allocated(1, 1), Departed(0, 0), new FlightCompleted(FlightId, [], Now)), Now),
            "already recorded");
}

public class CancellationTests
{
    [Fact]
    public void Given_a_booked_flight_When_cancelling_Then_cancelled_with_the_reason() =>
        ThenAccepted(CancelFlightEndpoint.Decide(new CancelFlight(" Strike "), Given(Planned(), Booked()), Now),
            new FlightCancelled(FlightId, "Strike", Now));

    [Fact]
    public void Given_a_cancelled_flight_When_cancelling_again_Then_refused() =>
        ThenRefused(CancelFlightEndpoint.Decide(new CancelFlight("x"), Given(Planned(), Cancelled()), Now), "cancelled");

    [Fact]
    public void Given_a_departed_flight_When_cancelling_Then_refused() =>
        ThenRefused(CancelFlightEndpoint.Decide(new CancelFlight("x"),
            Given(Planned(), Booked(), Allocated(1, 1), Departed(1, 1)), Now), "already departed");
}
