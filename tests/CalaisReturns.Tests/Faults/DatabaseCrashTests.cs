using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Npgsql;
using Xunit.Abstractions;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// PostgreSQL itself crashes (immediate stop) under a steady load and comes back: the running app
/// answers 503 with Retry-After meanwhile, readiness says so, and it recovers without a restart;
/// every acknowledged command survived the crash exactly once.
/// </summary>
public sealed class DatabaseCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ThrowawayCluster _database = new();
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        await _database.StartAsync();
        _app = new RunningApp("calais", new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = _database.ConnectionString });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.KillAsync();
        _app.Http.Dispose();
        await _database.DisposeAsync();
    }

    private sealed record Sent(Guid FlightId, int Status, string? RetryAfter, TimeSpan At);

    [Fact]
    public async Task Acknowledged_writes_survive_a_database_crash_and_the_app_recovers_by_itself()
    {
        var departure = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(30).AddHours(8);
        var sent = new ConcurrentBag<Sent>();
        var readiness = new ConcurrentBag<(TimeSpan At, int Status)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.CreateVersion7();
                using var response = await _app.Send(Actors.UkPlanner, HttpMethod.Post, "/api/flights",
                    Api.Plan(states: [State.UK], departure: departure, flightId: id));
                sent.Add(new Sent(id, (int)response.StatusCode, response.Headers.RetryAfter?.ToString(), clock.Elapsed));
                if (!response.IsSuccessStatusCode)
                {
                    await Task.Delay(100);
                }
            }
        })).ToList();
        var probe = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await _app.Http.GetAsync(_app.BaseUrl + "/health/ready");
                readiness.Add((clock.Elapsed, (int)response.StatusCode));
                await Task.Delay(200);
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(2));
        var crashedAt = clock.Elapsed;
        await _database.CrashAsync();
        // One command sent while the database is certainly down, whatever the load workers were doing.
        using (var during = await _app.Send(Actors.UkPlanner, HttpMethod.Post, "/api/flights",
                   Api.Plan(states: [State.UK], departure: departure)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.NotNull(during.Headers.RetryAfter);
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        var restartedAt = clock.Elapsed;
        await _database.RestartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!sent.Any(s => s.At > restartedAt && s.Status == 201))
        {
            Assert.True(DateTime.UtcNow < deadline, "no command succeeded after the database came back");
            await Task.Delay(100);
        }

        var recoveredAt = sent.Where(s => s.At > restartedAt && s.Status == 201).Min(s => s.At);
        await Task.Delay(TimeSpan.FromSeconds(1));
        stop.Cancel();
        await Task.WhenAll([.. load, probe]);

        var failures = sent.Where(s => s.Status != 201).ToList();
        Assert.All(failures, s => Assert.True(s.Status == 503 && s.RetryAfter is not null,
            $"{s.Status} at {s.At} (retry after {s.RetryAfter})"));
        Assert.Contains(readiness, r => r.At > crashedAt && r.At < restartedAt && r.Status == 503);
        Assert.Equal(200, readiness.OrderBy(r => r.At).Last().Status);

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        foreach (var s in sent)
        {
            await using var count = new NpgsqlCommand(
                "select count(*) from calais.mt_events where type = 'flight_planned' and stream_id = @id", connection);
            count.Parameters.AddWithValue("id", s.FlightId);
            var stored = (long)(await count.ExecuteScalarAsync())!;
            Assert.True(s.Status == 201 ? stored == 1 : stored <= 1, $"{s.FlightId} answered {s.Status}, stored {stored} times");
        }

        output.WriteLine($"{sent.Count(s => s.Status == 201)} acknowledged, {failures.Count} refused with 503; "
            + $"first success {(recoveredAt - restartedAt).TotalSeconds:0.0} s after the database restarted");
    }
}
