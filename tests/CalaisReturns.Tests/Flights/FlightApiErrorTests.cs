using CalaisReturns.Core;
using Marten;

namespace CalaisReturns.Tests.Flights;

/// <summary>Every refused or invalid command answers with a problem document and writes nothing.</summary>
public class FlightApiErrorTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Invalid_input_gets_400_with_a_message_per_field_and_writes_nothing()
    {
        var plan = new
        {
            leadState = "FR",
            participatingStates = new[] { "UK" },
            countryOfReturn = "Albania",
            departureAirport = "stn",
            destinationAirport = "TIA",
            scheduledDeparture = AppFixture.Start.AddHours(-1),
        };
        var problem = (await App.Post("/api/flights", plan, 400)).Problem();
        Assert.Equal(["CountryOfReturn", "DepartureAirport", "LeadState", "ScheduledDeparture"],
            problem["errors"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(0, await App.EventCount());
    }

    [Theory]
    [InlineData("{\"leadState\":\"UK\",")]
    [InlineData("{\"leadState\":\"UK\"}")]
    [InlineData("{\"leadState\":\"DE\",\"participatingStates\":[\"UK\"],\"countryOfReturn\":\"AL\",\"departureAirport\":\"STN\",\"destinationAirport\":\"TIA\",\"scheduledDeparture\":\"2027-01-01T00:00:00Z\"}")]
    [InlineData("{\"leadState\":\"UK\",\"participatingStates\":[\"UK\"],\"countryOfReturn\":\"AL\",\"departureAirport\":\"STN\",\"destinationAirport\":\"TIA\",\"scheduledDeparture\":\"2027-01-01T00:00:00Z\",\"id\":\"0193a1c0-0000-7000-8000-000000000001\"}")]
    [InlineData("{\"leadState\":0,\"participatingStates\":[0],\"countryOfReturn\":\"AL\",\"departureAirport\":\"STN\",\"destinationAirport\":\"TIA\",\"scheduledDeparture\":\"2027-01-01T00:00:00Z\"}")]
    [InlineData("[]")]
    [InlineData("{\"leadState\":\"UK\",\"participatingStates\":[\"UK\"],\"countryOfReturn\":\"AL\",\"departureAirport\":\"STN\",\"destinationAirport\":\"TIA\",\"scheduledDeparture\":\"2027-01-01T00:00:00Z\",\"flightId\":12}")]
    public async Task Malformed_incomplete_or_unknown_JSON_gets_400_never_500(string body)
    {
        var problem = (await App.Post("/api/flights", body, 400)).Problem();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal(0, await App.EventCount());
    }

    [Fact]
    public async Task An_unknown_flight_gets_404()
    {
        var problem = (await App.Post($"/api/flights/{Guid.CreateVersion7()}/monitor", new { organisation = "IMB" }, 404))
            .Problem();
        Assert.Equal("Flight not found", problem["title"]!.GetValue<string>());
        await App.Get($"/api/flights/{Guid.CreateVersion7()}", 404);
    }

    [Fact]
    public async Task A_command_the_flight_state_refuses_gets_409_with_the_reason_and_writes_nothing()
    {
        var id = await App.PlannedFlight();
        var problem = (await App.Post($"/api/flights/{id}/seat-allocation",
            new { allocations = new[] { new { state = "UK", seats = 10 } } }, 409)).Problem();
        Assert.Equal("Book the charter before allocating seats.", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, await App.EventCount());
    }

    [Fact]
    public async Task A_stale_expected_version_gets_412_and_writes_nothing_while_the_current_one_succeeds()
    {
        var id = await App.BookedFlight();
        var stale = (await App.Post($"/api/flights/{id}/monitor", new { organisation = "IMB", expectedVersion = 1 }, 412))
            .Problem();
        Assert.Contains("You acted on version 1, but it has since changed to version 2.", stale["detail"]!.GetValue<string>());
        Assert.Equal(2, await App.EventCount());

        var accepted = await App.Post($"/api/flights/{id}/monitor", new { organisation = "IMB", expectedVersion = 2 });
        Assert.Equal(new Accepted(id, 3), accepted.ReadAsJson<Accepted>());
    }
}
