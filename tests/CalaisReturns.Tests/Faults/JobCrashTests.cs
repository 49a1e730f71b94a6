using System.Diagnostics;
using System.Net;
using CalaisReturns.Core;
using Npgsql;
using Xunit.Abstractions;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// The deadline sweep's manifest lock is killed with its process while it runs (held on a locked stream
/// row, so the kill provably lands mid-job): after the restart Hangfire runs it again, and the
/// manifest is locked exactly once.
/// </summary>
public sealed class JobCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RunningApp _app = new("j_" + Guid.NewGuid().ToString("N")[..10], new Dictionary<string, string>
    {
        ["Jobs__RunServer"] = "true",
        // The lock falls due two days before departure: a flight departing in two days and a few seconds is due at once.
        ["Manifest__LockLeadTime"] = "2.00:00:00",
        // A dead job's claim lapses after this (one minute by default, too long for a test).
        ["Jobs__InvisibilityTimeout"] = "00:00:15",
        // The deadline sweep every two seconds, looked for every second (a minute and 15 s by default).
        ["Jobs__DeadlineSweep"] = "*/2 * * * * *",
        ["Jobs__SchedulePollingInterval"] = "00:00:01",
    });

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_job_killed_mid_run_is_run_again_and_its_effect_happens_once()
    {
        var departure = DateTimeOffset.UtcNow.AddDays(2).AddSeconds(5);
        var flight = (await _app.Post(Actors.UkPlanner, "/api/flights", Api.Plan(states: [State.UK], departure: departure), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _app.Post(Actors.UkPlanner, $"/api/flights/{flight}/charter", Api.Charter());

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await connection.HoldStream(_app.Schema, flight);

        await Waits.Until(connection.SomeoneWaits,
            "the job never reached the locked flight", TimeSpan.FromSeconds(60));
        await _app.KillAsync();
        await connection.Release();

        Assert.Equal(0, await Locks(connection));
        var restarted = Stopwatch.StartNew();
        await _app.StartAsync();
        await Waits.Until(async () => await Locks(connection) > 0, "the interrupted job never ran again", TimeSpan.FromSeconds(120));
        var rerun = restarted.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await Locks(connection));
        output.WriteLine($"restart to manifest locked: {rerun.TotalSeconds:0.0} s");
    }

    private Task<long> Locks(NpgsqlConnection connection) =>
        connection.Scalar($"select count(*) from {_app.Schema}.mt_events where type = 'manifest_locked'");


}
