using System.Diagnostics;
using System.Net;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Npgsql;
using Xunit.Abstractions;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// A policy message stored with its command's commit must be handled even if the process dies
/// before handling it. The test holds the flight's stream row locked, so the policy (barrier →
/// withdrawal) is provably caught mid-handling when the process is killed.
/// </summary>
public sealed class OutboxCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RunningApp _app = new("o_" + Guid.NewGuid().ToString("N")[..10]);

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_owed_to_a_barrier_happens_once_after_the_process_dies_before_handling_it()
    {
        var departure = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(40).AddHours(6);
        var flight = (await _app.Post(Actors.UkPlanner, "/api/flights", Api.Plan(states: [State.UK], departure: departure), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _app.Post(Actors.UkPlanner, $"/api/flights/{flight}/charter", Api.Charter());
        await _app.Post(Actors.UkPlanner, $"/api/flights/{flight}/seat-allocation",
            new { allocations = new[] { new { state = "UK", seats = 10 } } });
        var caseId = (await _app.Post(Actors.UkPlanner, "/api/cases", new
        {
            caseReference = "UK-OUTBOX-1", fullName = "Olga Outbox", nationality = "AL", dateOfBirth = "1990-01-01",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _app.Post(Actors.UkPlanner, $"/api/cases/{caseId}/travel-document", new { kind = "Passport", expiry = "2031-01-31" });
        await _app.Post(Actors.UkPlanner, $"/api/flights/{flight}/manifest", new { caseId, status = "Confirmed" });

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await connection.HoldStream(_app.Schema, flight);

        await _app.Post(Actors.UkPlanner, $"/api/cases/{caseId}/barriers", new { kind = "JudicialReview", reference = "JR/1" });
        await Waits.Until(connection.SomeoneWaits,
            "the policy never reached the locked flight", TimeSpan.FromSeconds(60));
        await _app.KillAsync();
        await connection.Release();

        Assert.Equal(0, await Withdrawals(connection, caseId));
        var restarted = Stopwatch.StartNew();
        await _app.StartAsync();
        var ready = restarted.Elapsed;
        await Waits.Until(async () => await Withdrawals(connection, caseId) > 0, "the stored policy message was never handled",
            TimeSpan.FromSeconds(90));
        var recovered = restarted.Elapsed;

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await Withdrawals(connection, caseId));
        var manifest = await _app.Get(Actors.UkPlanner, $"/api/flights/{flight}/manifest");
        var line = Assert.Single(manifest.GetProperty("lines").EnumerateArray());
        Assert.Equal("Withdrawn", line.GetProperty("status").GetString());
        Assert.Equal("Barrier", line.GetProperty("withdrawalReason").GetString());
        // One host (Wolverine:DurabilityMode Solo) takes its stored messages back at start-up: 6 s after
        // ready on a quiet machine; Balanced waited ~80 s for the dead node to go stale.
        output.WriteLine($"restart to ready: {ready.TotalSeconds:0.0} s; ready to withdrawal: {(recovered - ready).TotalSeconds:0.0} s");
        Assert.True(recovered - ready < TimeSpan.FromSeconds(45), $"handled {recovered - ready} after the restarted host was ready");
    }

    private Task<long> Withdrawals(NpgsqlConnection connection, Guid caseId) => connection.Scalar(
        $"select count(*) from {_app.Schema}.mt_events where type = 'returnee_withdrawn' and data ->> 'CaseId' = '{caseId}'");


}
