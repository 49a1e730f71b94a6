using System.Net;
using System.Net.Http.Json;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using Marten;

namespace CalaisReturns.Tests.Core.Http;

public class ApiHardeningTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_probes_answer_without_a_token()
    {
        foreach (var probe in (string[])["/health/live", "/health/ready"])
        {
            var result = await Host.Scenario(s => s.Get.Url(probe));
            Assert.Equal("Healthy", result.ReadAsText());
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var huge = $$"""{"organisation":"{{new string('x', 70 * 1024)}}"}""";
        var problem = (await App.Post($"/api/flights/{Guid.CreateVersion7()}/monitor", huge, 413)).Problem();
        Assert.Contains("limited to 65536 bytes", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retried_plan_with_the_same_client_id_gets_the_original_answer_and_one_flight()
    {
        var id = Guid.CreateVersion7();
        var first = await App.Post("/api/flights", Api.Plan(flightId: id), 201);
        var retry = await App.Post("/api/flights", Api.Plan(flightId: id), 201);

        Assert.Equal(first.ReadAsText(), retry.ReadAsText());
        Assert.Equal($"/api/flights/{id}", retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(1, await App.EventCount());
    }

    [Fact]
    public async Task The_same_client_id_with_a_different_plan_is_refused()
    {
        var id = Guid.CreateVersion7();
        await App.Post("/api/flights", Api.Plan(flightId: id), 201);
        var problem = (await App.Post("/api/flights", Api.Plan(country: "GE", flightId: id), 409)).Problem();
        Assert.Contains("already used", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, await App.EventCount());
    }

    [Fact]
    public async Task Concurrent_duplicates_of_one_plan_create_one_flight_and_no_server_error()
    {
        var id = Guid.CreateVersion7();
        using var client = App.Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => client.PostAsJsonAsync("/api/flights", Api.Plan(flightId: id), Api.Json)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        await using var session = App.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(id));
        Assert.Single(await session.Query<CalaisReturns.Flights.Scheduling.FlightSchedule>().ToListAsync());
    }

    [Fact]
    public async Task A_client_id_must_be_a_version_7_uuid() =>
        Assert.Contains("FlightId", (await App.Post("/api/flights", Api.Plan(flightId: Guid.NewGuid()), 400))
            .Problem()["errors"]!.AsObject().Select(p => p.Key));
}
