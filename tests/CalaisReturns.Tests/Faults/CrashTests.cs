using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Npgsql;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// A real app process killed with SIGKILL in the middle of a burst of commands, then started again:
/// whatever was acknowledged is there exactly once, nothing is there twice, every read model
/// equals a replay of the events, and the asynchronous report converges.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private static readonly Actor UkFinance = FaultScenarios.UkFinance;
    private readonly RunningApp _app = new("f_" + Guid.NewGuid().ToString("N")[..10]);

    private sealed record Sent(string Kind, Guid Id, Guid FlightId, int? Status);

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task After_a_kill_mid_burst_every_acknowledged_command_is_there_once_and_the_read_models_equal_a_replay()
    {
        var departure = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(45).AddHours(7);
        var flights = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            flights.Add(await FaultScenarios.ReadyForCosts(_app, _app, departure));
        }

        var sent = new ConcurrentBag<Sent>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var flight = flights[(worker + n) % flights.Count];
                var (kind, id, body, url) = n % 5 == 4
                    ? ("plan", Guid.CreateVersion7(), (object?)null, "/api/flights")
                    : ("cost", Guid.CreateVersion7(), null, $"/api/flights/{flight}/costs");
                body = kind == "plan"
                    ? Api.Plan(states: [State.UK], departure: departure, flightId: id)
                    : new { category = "Charter", description = $"Line {worker}-{n}", amount = new { amount = 100m + n, currency = "GBP" },
                        invoiceReference = $"INV-{worker}-{n}", lineId = id };
                try
                {
                    using var response = await _app.Send(kind == "plan" ? Actors.UkPlanner : UkFinance, HttpMethod.Post, url, body);
                    sent.Add(new Sent(kind, id, flight, (int)response.StatusCode));
                }
                catch (HttpRequestException)
                {
                    sent.Add(new Sent(kind, id, flight, null));
                    return;
                }
            }
        })).ToList();

        while (sent.Count(s => s.Status is >= 200 and < 300) < 120)
        {
            await Task.Delay(20);
        }

        await _app.KillAsync();
        stop.Cancel();
        await Task.WhenAll(workers);
        await _app.StartAsync();

        var acknowledged = sent.Where(s => s.Status is >= 200 and < 300).ToList();
        Assert.True(acknowledged.Count >= 120);
        Assert.DoesNotContain(sent, s => s.Status is >= 500);
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var s in sent)
        {
            var stored = await Count(connection, s);
            Assert.True(s.Status is >= 200 and < 300 ? stored == 1 : stored <= 1,
                $"{s.Kind} {s.Id} answered {s.Status?.ToString() ?? "nothing"} and is stored {stored} times");
        }

        foreach (var flight in flights)
        {
            var live = await _app.Get(UkFinance, $"/api/flights/{flight}/cost-share");
            var replay = await _app.Get(UkFinance, $"/api/flights/{flight}/cost-share?version={live.GetProperty("version").GetInt32()}");
            Assert.Equal(replay.GetProperty("figures").GetRawText(), live.GetProperty("figures").GetRawText());
            Assert.Equal(replay.GetProperty("facts").GetRawText(), live.GetProperty("facts").GetRawText());
            var costs = acknowledged.Count(s => s.Kind == "cost" && s.FlightId == flight);
            Assert.True(live.GetProperty("facts").GetProperty("lines").GetArrayLength() >= costs);
        }

        // The month report is an asynchronous projection: after the restart it catches up with the replay.
        var period = departure.ToString("yyyy-MM");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string Figures(JsonElement report) => report.GetProperty("currencies").GetRawText() + report.GetProperty("flightList").GetRawText();
        while (true)
        {
            var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
            var replayed = Figures(await _app.Get(UkFinance, $"/api/reports/cost-share?period={period}&asOf={asOf}"));
            var live = Figures(await _app.Get(UkFinance, $"/api/reports/cost-share?period={period}"));
            if (live == replayed)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the month report never caught up:\nlive {live}\nreplay {replayed}");
            await Task.Delay(500);
        }
    }

    private async Task<long> Count(NpgsqlConnection connection, Sent sent)
    {
        var sql = sent.Kind == "plan"
            ? $"select count(*) from {_app.Schema}.mt_events where type = 'flight_planned' and stream_id = @id"
            : $"select count(*) from {_app.Schema}.mt_events where type = 'cost_recorded' and data ->> 'LineId' = @text";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", sent.Id);
        command.Parameters.AddWithValue("text", sent.Id.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
