using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using CalaisReturns.Jobs.ManifestLocking;
using CalaisReturns.Jobs.Notifications;

namespace CalaisReturns.Tests.Jobs;

/// <summary>What the deadline sweep finds due for one flight at one instant.</summary>
public sealed class ManifestDeadlinesTests
{
    private static readonly ManifestRules Rules = new();

    // A Friday morning: the notice deadline (five working days back) is the Friday before.
    private static readonly DateTimeOffset Departure = new(2027, 3, 19, 6, 0, 0, TimeSpan.Zero);

    private static FlightSchedule Flight(FlightStatus status) => new() { Status = status, ScheduledDeparture = Departure };

    private static ManifestDeadlines.Due At(FlightStatus status, DateTimeOffset now) =>
        ManifestDeadlines.For(Flight(status), now, Rules);

    [Fact]
    public void Given_a_booked_flight_when_its_lock_time_comes_then_the_lock_is_due_and_not_a_moment_before()
    {
        Assert.False(At(FlightStatus.Booked, Departure.AddHours(-24).AddTicks(-1)).Lock);
        Assert.True(At(FlightStatus.Booked, Departure.AddHours(-24)).Lock);
        Assert.True(At(FlightStatus.Booked, Departure.AddDays(3)).Lock);
    }

    [Theory]
    [InlineData(FlightStatus.Planned)]
    [InlineData(FlightStatus.ManifestLocked)]
    [InlineData(FlightStatus.Cancelled)]
    [InlineData(FlightStatus.Departed)]
    public void Given_a_flight_that_is_not_booked_when_its_lock_time_has_passed_then_no_lock_is_due(FlightStatus status) =>
        Assert.False(At(status, Departure.AddHours(-1)).Lock);

    [Fact]
    public void Given_an_open_flight_when_its_deadlines_near_then_each_warning_falls_due_at_its_time()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 12, 6, 0, 0, TimeSpan.Zero), Rules.NoticeDeadline(Departure));
        Assert.Empty(At(FlightStatus.Planned, Departure.AddDays(-7).AddTicks(-1)).Warnings);
        Assert.Equal([(DeadlineKind.NoticeDeadline, Departure.AddDays(-7))], At(FlightStatus.Planned, Departure.AddDays(-7)).Warnings);
        Assert.Equal([(DeadlineKind.NoticeDeadline, Departure.AddDays(-7)), (DeadlineKind.LockIn48Hours, Departure.AddHours(-24))],
            At(FlightStatus.Booked, Departure.AddHours(-72)).Warnings);
        Assert.Single(At(FlightStatus.Booked, Departure.AddHours(-72).AddTicks(-1)).Warnings);
    }

    [Fact]
    public void Given_a_flight_past_its_lock_or_departure_when_swept_then_no_stale_warning_is_due()
    {
        Assert.Equal([DeadlineKind.NoticeDeadline], At(FlightStatus.Booked, Departure.AddHours(-2)).Warnings.Select(w => w.Kind));
        Assert.Empty(At(FlightStatus.Booked, Departure).Warnings);
        Assert.Empty(At(FlightStatus.Cancelled, Departure.AddHours(-72)).Warnings);
        Assert.Empty(At(FlightStatus.ManifestLocked, Departure.AddHours(-2)).Warnings);
    }

    [Theory]
    [InlineData(5, 0)]
    [InlineData(1, 0)]
    [InlineData(12, 0)]
    [InlineData(5, 200)]
    public void The_horizon_reaches_every_departure_whose_deadlines_may_have_passed(int workingDays, int leadHours)
    {
        var rules = new ManifestRules { NoticeWorkingDays = workingDays, LockLeadTime = TimeSpan.FromHours(leadHours == 0 ? 24 : leadHours) };
        for (var day = 0; day < 14; day++)
        {
            var departure = Departure.AddDays(day);
            var earliest = new[] { rules.NoticeDeadline(departure), departure - rules.LockLeadTime - TimeSpan.FromHours(48) }.Min();
            Assert.True(departure - earliest <= ManifestDeadlines.Horizon(rules), $"{departure:dddd}");
        }
    }
}
