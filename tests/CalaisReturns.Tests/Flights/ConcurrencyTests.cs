using System.Net;
using System.Net.Http.Json;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using Marten;

namespace CalaisReturns.Tests.Flights;

/// <summary>Concurrent writers on one flight: every acknowledged command has its event, none is lost.</summary>
public class ConcurrencyTests(AppFixture app) : IntegrationTest(app)
{
    private const int Writers = 8;

    private async Task<HttpResponseMessage[]> Concurrently(Func<int, HttpContent> body, string url)
    {
        using var client = App.Client();
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Writers).Select(async i =>
        {
            await start.WaitAsync();
            return await client.PostAsync(url, body(i));
        }).ToArray();
        start.Release(Writers);
        return await Task.WhenAll(requests);
    }

    [Fact]
    public async Task Without_versions_each_winner_appends_exactly_its_event_and_losers_get_a_clean_409()
    {
        var id = await App.BookedFlight();
        var responses = await Concurrently(i => JsonContent.Create(new { organisation = $"Monitor {i}" }),
            $"/api/flights/{id}/monitor");

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var winners = responses.Where(r => r.IsSuccessStatusCode).ToArray();
        Assert.NotEmpty(winners);
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
        }

        var versions = await Task.WhenAll(winners.Select(r => r.Content.ReadFromJsonAsync<Accepted>()));
        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Equal(2 + winners.Length, events.Count);
        Assert.Equal(versions.Select(v => v!.Version).Order(), events.Skip(2).Select(e => e.Version));
    }

    [Fact]
    public async Task Decisions_taken_on_the_same_state_cannot_both_commit_so_capacity_is_never_exceeded()
    {
        // 100 seats for UK or for FR on a 180-seat aircraft: each is valid alone, any two together are not.
        var id = await App.BookedFlight(seats: 180);
        var responses = await Concurrently(
            i => JsonContent.Create(new { allocations = new[] { new { state = i % 2 == 0 ? "UK" : "FR", seats = 100 } } }),
            $"/api/flights/{id}/seat-allocation");

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        await using var session = App.Store.QuerySession();
        var flight = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).Aggregate((Flight?)null, Flight.Fold)!;
        Assert.True(flight.SeatsAllocated.Values.Sum() <= 180, $"{flight.SeatsAllocated.Values.Sum()} seats allocated");
        Assert.Equal(responses.Count(r => r.IsSuccessStatusCode),
            (await session.Events.FetchStreamAsync(id)).Count(e => e.Data is SeatsAllocated));
    }

    [Fact]
    public async Task With_the_same_expected_version_exactly_one_writer_wins()
    {
        var id = await App.BookedFlight();
        var responses = await Concurrently(
            i => JsonContent.Create(new { organisation = $"Monitor {i}", expectedVersion = 2 }),
            $"/api/flights/{id}/monitor");

        Assert.Single(responses, r => r.IsSuccessStatusCode);
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        await using var session = App.Store.QuerySession();
        Assert.Equal(3, (await session.Events.FetchStreamAsync(id)).Count);
    }

    [Fact]
    public async Task Concurrent_plans_get_distinct_consecutive_references()
    {
        using var client = App.Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, Writers)
            .Select(_ => client.PostAsJsonAsync("/api/flights", Api.Plan(), Api.Json)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        await using var session = App.Store.QuerySession();
        var numbers = (await session.Query<CalaisReturns.Flights.Scheduling.FlightSchedule>().ToListAsync())
            .Select(f => int.Parse(f.Reference[^4..])).Order().ToArray();
        Assert.Equal(Enumerable.Range(numbers[0], Writers), numbers);
    }
}
