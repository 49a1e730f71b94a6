using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Tests.Flights.Scheduling;

public class ScheduleFilterTests
{
    [Fact]
    public void No_parameters_means_no_filter() =>
        Assert.Equal(new ScheduleFilter(null, null, null, null, null),
            ScheduleFilter.Parse(null, null, null, null, null).Filter);

    [Fact]
    public void Dates_instants_and_enum_names_are_understood_case_insensitively()
    {
        var (filter, errors) = ScheduleFilter.Parse("2026-12-01", "2026-12-31T23:00:00+01:00", "AL", "booked", "fr");
        Assert.Empty(errors);
        Assert.Equal(new ScheduleFilter(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero), "AL", FlightStatus.Booked, State.FR), filter);
    }

    [Theory]
    [InlineData("Europe/Paris", "2027-03-28", "2027-03-27T23:00:00Z")]
    [InlineData("Europe/London", "2027-03-28", "2027-03-28T00:00:00Z")]
    [InlineData("Europe/Paris", "2027-10-31T02:30", "2027-10-31T00:30:00Z")]
    [InlineData("Europe/London", "2027-11-01", "2027-11-01T00:00:00Z")]
    [InlineData("Europe/Paris", "2027-11-01T00:00:00+00:00", "2027-11-01T00:00:00Z")]
    public void Given_a_readers_zone_then_a_date_without_an_offset_starts_at_midnight_there(string zone, string from, string utc)
    {
        var (filter, errors) = ScheduleFilter.Parse(from, null, null, null, null, TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Empty(errors);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), filter!.From);
    }

    [Fact]
    public void Every_parameter_that_cannot_be_understood_is_named()
    {
        var (filter, errors) = ScheduleFilter.Parse("yesterday", "soon", "Albania", "Bogus", "DE");
        Assert.Null(filter);
        Assert.Equal(["country", "from", "leadState", "status", "to"], errors.Keys.Order());
    }

    [Fact]
    public void The_range_must_not_be_empty() =>
        Assert.Equal(["to"], ScheduleFilter.Parse("2026-12-31", "2026-12-01", null, null, null).Errors.Keys);

    [Theory]
    [InlineData("1")]
    [InlineData("7")]
    public void Numbers_are_not_accepted_for_enums(string status) =>
        Assert.Equal(["status"], ScheduleFilter.Parse(null, null, null, status, null).Errors.Keys);
}
