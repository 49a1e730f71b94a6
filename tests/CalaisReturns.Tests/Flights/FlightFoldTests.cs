using System.Collections.Immutable;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Flights;

public class FlightFoldTests
{
    [Fact]
    public void A_stream_must_start_with_FlightPlanned() =>
        Assert.Throws<InvalidOperationException>(() => Given(Booked()));

    [Fact]
    public void Folding_the_lifecycle_tracks_status_capacity_seats_and_departure()
    {
        var planned = Given(Planned());
        Assert.Equal(FlightStatus.Planned, planned.Status);
        Assert.Equal([State.UK, State.FR], planned.ParticipatingStates.ToArray());

        var booked = Given(Planned(), Booked(150), Allocated(90, 60),
            new SeatsAllocated(FlightId, [new SeatAllocation(State.FR, 50)], Now));
        Assert.Equal(FlightStatus.Booked, booked.Status);
        Assert.Equal(150, booked.SeatCapacity);
        Assert.Equal(90, booked.AllocatedTo(State.UK));
        Assert.Equal(50, booked.AllocatedTo(State.FR));

        var moved = Given(Planned(), new FlightRescheduled(FlightId, Departure.AddDays(3), "Crew", Now));
        Assert.Equal(Departure.AddDays(3), moved.ScheduledDeparture);

        var departed = Given(Planned(), Booked(), Allocated(90, 60), Departed(40, 30));
        Assert.Equal(FlightStatus.Departed, departed.Status);
        Assert.Equal(ImmutableDictionary<State, int>.Empty.Add(State.UK, 40).Add(State.FR, 30), departed.ReturneesOnBoard);

        Assert.Equal(FlightStatus.Completed,
            Given(Planned(), Booked(), Allocated(90, 60), Departed(1, 0),
                new FlightCompleted(FlightId, [new HandoverOutcome(State.UK, 1, [])], Now)).Status);
        Assert.Equal(FlightStatus.Cancelled, Given(Planned(), Cancelled()).Status);
    }
}
