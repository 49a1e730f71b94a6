using CalaisReturns.Core;
using CalaisReturns.Core.Http;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>Times typed in London or Paris wall-clock time become the right instants, clock changes included.</summary>
public class ReaderZonesTests
{
    [Theory]
    // 28 March 2027: London goes 01:00 → 02:00 (GMT → BST), Paris 02:00 → 03:00 (CET → CEST).
    [InlineData("Europe/London", "2027-03-28T00:30", "2027-03-28T00:30:00Z")]
    [InlineData("Europe/London", "2027-03-28T01:30", "2027-03-28T01:30:00Z")] // skipped: read as 02:30 BST
    [InlineData("Europe/London", "2027-03-28T02:30", "2027-03-28T01:30:00Z")]
    [InlineData("Europe/Paris", "2027-03-28T01:30", "2027-03-28T00:30:00Z")]
    [InlineData("Europe/Paris", "2027-03-28T02:30", "2027-03-28T01:30:00Z")] // skipped: read as 03:30 CEST
    [InlineData("Europe/Paris", "2027-03-28T03:30", "2027-03-28T01:30:00Z")]
    // 31 October 2027: London goes 02:00 → 01:00 (BST → GMT), Paris 03:00 → 02:00 (CEST → CET).
    [InlineData("Europe/London", "2027-10-31T00:30", "2027-10-30T23:30:00Z")]
    [InlineData("Europe/London", "2027-10-31T01:30", "2027-10-31T00:30:00Z")] // twice: the first, in BST
    [InlineData("Europe/London", "2027-10-31T02:30", "2027-10-31T02:30:00Z")]
    [InlineData("Europe/Paris", "2027-10-31T01:30", "2027-10-30T23:30:00Z")]
    [InlineData("Europe/Paris", "2027-10-31T02:30", "2027-10-31T00:30:00Z")] // twice: the first, in CEST
    [InlineData("Europe/Paris", "2027-10-31T03:30", "2027-10-31T02:30:00Z")]
    [InlineData("UTC", "2027-10-31T01:30", "2027-10-31T01:30:00Z")]
    public void A_wall_clock_time_names_one_instant_across_the_clock_changes(string zone, string local, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc), ReaderZones.ToUtc(DateTime.Parse(local), ReaderZones.Parse(zone)!));

    [Fact]
    public void Staff_read_their_own_states_time_by_default()
    {
        Assert.Same(ReaderZones.London, ReaderZones.Of(State.UK));
        Assert.Same(ReaderZones.Paris, ReaderZones.Of(State.FR));
        Assert.Null(ReaderZones.Parse("America/New_York"));
    }

    [Theory]
    [InlineData("STN", "Europe/London", "GB")]
    [InlineData("CDG", "Europe/Paris", "FR")]
    [InlineData("TIA", "Europe/Tirane", "AL")]
    [InlineData("PRN", "Europe/Belgrade", "XK")]
    [InlineData("TBS", "Asia/Tbilisi", "GE")]
    public void The_airport_table_knows_the_zone_and_country_of_the_airports_flights_use(string iata, string zone, string country)
    {
        var airport = Airports.Find(iata)!;
        Assert.Equal((zone, country), (airport.Zone.Id, airport.Country));
    }

    [Fact]
    public void A_departure_from_an_unknown_airport_is_shown_in_UTC_and_says_so()
    {
        using var english = CultureScope.Of("en-GB");
        Assert.Null(Airports.Find("XYZ"));
        Assert.Equal("Sun 28 Mar 06:00 UTC (the time zone of XYZ is not known)",
            CalaisReturns.Web.Show.AtAirport(new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero), "XYZ"));
        Assert.Equal("Sun 28 Mar 08:00 local time at CDG (Paris Charles de Gaulle)",
            CalaisReturns.Web.Show.AtAirport(new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero), "CDG"));
    }
}
