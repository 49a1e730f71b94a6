using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Xunit.Abstractions;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// Two application processes on their own ports against one schema, as a scaled-out deployment:
/// writes through either node are one history, the asynchronous projections are built once, a
/// policy and a scheduled job happen once across both, and when the node running the projections
/// is killed the other one takes them over.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private static readonly Actor UkFinance = FaultScenarios.UkFinance;
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.UK);
    private static readonly int DaemonLockId = new StoreOptions().Projections.DaemonLockId;

    private readonly ITestOutputHelper _output;
    private readonly string _schema = "s_" + Guid.NewGuid().ToString("N")[..10];
    private readonly RunningApp _a;
    private readonly RunningApp _b;
    private readonly DateTimeOffset _departure = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(45).AddHours(7);
    private NpgsqlConnection _db = null!;

    public ScaleOutTests(ITestOutputHelper output)
    {
        _output = output;
        _a = Node("a");
        _b = Node("b");
    }

    private string Period => _departure.ToString("yyyy-MM");

    private RunningApp Node(string name) => new(_schema, new Dictionary<string, string>
    {
        // The node's name on its database sessions tells which process holds a shard's lock.
        ["ConnectionStrings__Postgres"] = $"{AppFixture.ConnectionString};Application Name={_schema}-{name}",
        // Each async shard runs where its PostgreSQL advisory lock is held. Wolverine-managed distribution
        // (Marten:Distribution=Wolverine) spreads the shards over the nodes, but a dead node's shards wait
        // for its heartbeat to go stale (README, "Deployment and scale-out", for what that took), so HotCold
        // is what this test runs.
        ["Marten__DaemonMode"] = "HotCold",
        ["Wolverine__DurabilityMode"] = "Balanced",
        ["Jobs__RunServer"] = "true",
        // The manifest locks two days before departure, so a flight moved to depart in two days is due at once.
        ["Manifest__LockLeadTime"] = "2.00:00:00",
        // The deadline sweep every two seconds, looked for every second (a minute and 15 s by default).
        ["Jobs__DeadlineSweep"] = "*/2 * * * * *",
        ["Jobs__SchedulePollingInterval"] = "00:00:01",
    });

    public async Task InitializeAsync()
    {
        _db = new NpgsqlConnection(AppFixture.ConnectionString);
        await _db.OpenAsync();
        await _a.StartAsync();
        await _b.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // Both die before the schema goes, so that neither writes into a half-dropped schema.
        await _b.KillAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_share_one_history_do_each_thing_once_and_the_survivor_takes_over_the_projections()
    {
        await FlightWithManifestLockDue(_a, _b);
        var flights = new[] { await FaultScenarios.ReadyForCosts(_a, _b, _departure), await FaultScenarios.ReadyForCosts(_b, _a, _departure) };
        for (var n = 0; n < 12; n++)
        {
            await RecordCost(n % 3 == 0 ? _a : _b, flights[n % flights.Length], n);
        }

        var caseId = await ManifestedCase(_b, _a);
        await _a.Post(Actors.UkPlanner, $"/api/cases/{caseId}/barriers", new { kind = "JudicialReview", reference = "JR/1" });

        await Waits.Until(async () => await Events("returnee_withdrawn") > 0, "the barrier's withdrawal never happened",
            TimeSpan.FromSeconds(30));
        await Waits.Until(async () => await Events("manifest_locked") > 0, "the due manifest was never locked",
            TimeSpan.FromSeconds(60));
        await Waits.Until(() => Converged(_a), "the async projections never caught up", TimeSpan.FromSeconds(30));
        Assert.True(await Converged(_b), "the other node reads different figures");
        Assert.Equal(2, await HangfireServers());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await Events("returnee_withdrawn"));
        Assert.Equal(1, await Events("manifest_locked"));

        var owners = await ShardOwners();
        Assert.NotEmpty(owners);
        Assert.DoesNotContain(null, owners.Values);
        _output.WriteLine("before the kill: " + string.Join(", ", owners.Select(o => $"{o.Key} on node {(o.Value == _a ? "a" : "b")}")));
        var owner = owners.Values.GroupBy(o => o).MaxBy(g => g.Count())!.Key!;
        var survivor = owner == _a ? _b : _a;
        await owner.KillAsync();
        var killed = Stopwatch.StartNew();
        var late = (await survivor.Post(Actors.UkPlanner, "/api/flights", Api.Plan(departure: _departure), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Waits.Until(async () => (await ShardOwners()).Values.All(o => o == survivor), "the survivor never took every shard's lock",
            TimeSpan.FromSeconds(60));
        var locked = killed.Elapsed;
        await Waits.Until(() => Listed(survivor, late), "the report never advanced on the survivor", TimeSpan.FromSeconds(60));
        var advanced = killed.Elapsed;
        await Waits.Until(() => Converged(survivor), "the survivor's projections never caught up", TimeSpan.FromSeconds(30));

        _output.WriteLine($"kill to every shard locked by the survivor: {locked.TotalSeconds:0.0} s; kill to the report advanced: {advanced.TotalSeconds:0.0} s");
        // PostgreSQL frees a killed node's advisory locks with its sessions, and the survivor asks for them
        // every Marten LeadershipPollingTime (5 s): the bound leaves room for a loaded CI machine.
        Assert.True(advanced < TimeSpan.FromSeconds(20), $"the report advanced {advanced} after the kill");
    }

    /// <summary>
    /// A flight booked through one node and then moved through the other to depart in two days: its
    /// manifest lock (two days ahead here) falls due at once, and only once the flight is booked.
    /// </summary>
    private async Task FlightWithManifestLockDue(RunningApp one, RunningApp other)
    {
        var flight = (await one.Post(Actors.UkPlanner, "/api/flights",
            Api.Plan(states: [State.UK], departure: DateTimeOffset.UtcNow.AddDays(3)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await other.Post(Actors.UkPlanner, $"/api/flights/{flight}/charter", Api.Charter());
        await other.Post(Actors.UkPlanner, $"/api/flights/{flight}/reschedule",
            new { newDeparture = DateTimeOffset.UtcNow.AddDays(2), reason = "Slot moved" });
    }

    private Task RecordCost(RunningApp node, Guid flight, int n) => node.Post(UkFinance, $"/api/flights/{flight}/costs", new
    {
        category = "Charter", description = $"Line {n}", amount = new { amount = 1000m + n, currency = "GBP" },
        invoiceReference = $"INV-{n}", lineId = Guid.CreateVersion7(),
    });

    /// <summary>A UK case confirmed on a booked UK flight, set up through one node and manifested through the other.</summary>
    private async Task<Guid> ManifestedCase(RunningApp one, RunningApp other)
    {
        var flight = (await one.Post(Actors.UkPlanner, "/api/flights", Api.Plan(states: [State.UK], departure: _departure),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await one.Post(Actors.UkPlanner, $"/api/flights/{flight}/charter", Api.Charter());
        await one.Post(Actors.UkPlanner, $"/api/flights/{flight}/seat-allocation", new { allocations = new[] { new { state = "UK", seats = 10 } } });
        var caseId = (await other.Post(Actors.UkPlanner, "/api/cases", new
        {
            caseReference = "UK-SCALE-1", fullName = "Sam Scale", nationality = "AL", dateOfBirth = "1990-01-01",
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await other.Post(Actors.UkPlanner, $"/api/cases/{caseId}/travel-document", new { kind = "Passport", expiry = "2031-01-31" });
        await other.Post(Actors.UkPlanner, $"/api/flights/{flight}/manifest", new { caseId, status = "Confirmed" });
        return caseId;
    }

    /// <summary>The month report equals a replay of the events (nothing counted twice or missed) and every event verifies against its seal.</summary>
    private async Task<bool> Converged(RunningApp node)
    {
        static string Figures(JsonElement report) => report.GetProperty("currencies").GetRawText() + report.GetProperty("flightList").GetRawText();
        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        var replayed = Figures(await node.Get(UkFinance, $"/api/reports/cost-share?period={Period}&asOf={asOf}"));
        var live = Figures(await node.Get(UkFinance, $"/api/reports/cost-share?period={Period}"));
        var audit = await node.Get(Auditor, "/api/audit/verify?full=true");
        return live == replayed && audit.GetProperty("intact").GetBoolean()
            && audit.GetProperty("eventsVerified").GetInt64() == await _db.Scalar($"select count(*) from {_schema}.mt_events");
    }

    private async Task<bool> Listed(RunningApp node, Guid flight) =>
        (await node.Get(UkFinance, $"/api/reports/cost-share?period={Period}")).GetProperty("flightList").EnumerateArray()
        .Any(f => f.GetProperty("flightId").GetGuid() == flight);

    /// <summary>Each async shard, as the daemon's progress rows name it, and the node holding its HotCold lock.</summary>
    private async Task<Dictionary<string, RunningApp?>> ShardOwners()
    {
        var owners = new Dictionary<string, RunningApp?>();
        foreach (var shard in await Texts($"select name from {_schema}.mt_event_progression"))
        {
            // The high-water mark and the daemon's other bookkeeping rows are no shards.
            if (!ShardName.TryParse(shard, out var name) || name!.IsHighWaterMark)
            {
                continue;
            }

            var holder = await Text("select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                + "where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objsubid = 1 "
                + $"and l.objid = {ProjectionLockIds.Compute(_schema, name, DaemonLockId)}");
            owners[shard] = holder == $"{_schema}-a" ? _a : holder == $"{_schema}-b" ? _b : null;
        }

        return owners;
    }

    private Task<long> Events(string type) => _db.Scalar($"select count(*) from {_schema}.mt_events where type = '{type}'");

    private Task<long> HangfireServers() => _db.Scalar($"select count(*) from {_schema}_hangfire.server");

    private async Task<string?> Text(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _db);
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<List<string>> Texts(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _db);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
