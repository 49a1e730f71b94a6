using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using CalaisReturns.Core;

namespace CalaisReturns.Tests;

/// <summary>Scenario helpers that drive the HTTP API as a client would.</summary>
internal static class Api
{
    public static readonly DateTimeOffset Departure = AppFixture.Start.AddDays(21);

    public static object Plan(State lead = State.UK, State[]? states = null, string country = "AL",
        DateTimeOffset? departure = null) => new
    {
        leadState = lead.ToString(),
        participatingStates = (states ?? [State.UK, State.FR]).Select(s => s.ToString()),
        countryOfReturn = country,
        departureAirport = "STN",
        destinationAirport = "TIA",
        scheduledDeparture = departure ?? Departure,
    };

    public static object Charter(int seats = 180) => new
    {
        carrier = "Titan Airways",
        aircraftType = "A321",
        seatCapacity = seats,
        contractReference = "HO-CH-1",
        contractPrice = new { amount = 174468.00m, currency = "GBP" },
    };

    public static async Task<Guid> PlannedFlight(this IAlbaHost host, object? plan = null)
    {
        var result = await host.Post("/api/flights", plan ?? Plan(), 201);
        return result.ReadAsJson<Accepted>()!.Id;
    }

    public static async Task<Guid> BookedFlight(this IAlbaHost host, int seats = 180)
    {
        var id = await host.PlannedFlight();
        await host.Post($"/api/flights/{id}/charter", Charter(seats));
        return id;
    }

    /// <summary>POSTs a JSON body (an object, or raw text) and asserts the status code.</summary>
    public static Task<IScenarioResult> Post(this IAlbaHost host, string url, object body, int status = 200) =>
        host.Scenario(s =>
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            s.Post.RawJson(json).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> Get(this IAlbaHost host, string url, int status = 200) =>
        host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

    public static async Task<T> GetJson<T>(this IAlbaHost host, string url) =>
        (await host.Get(url)).ReadAsJson<T>()!;

    /// <summary>The RFC 9457 problem body of a refused request.</summary>
    public static JsonObject Problem(this IScenarioResult result)
    {
        Assert.Equal("application/problem+json", result.Context.Response.ContentType?.Split(';')[0]);
        return JsonNode.Parse(result.ReadAsText())!.AsObject();
    }
}
