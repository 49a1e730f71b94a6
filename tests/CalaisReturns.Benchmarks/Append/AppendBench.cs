using System.Diagnostics;
using CalaisReturns.Benchmarks.History;

namespace CalaisReturns.Benchmarks.Append;

/// <summary>One way of committing the workload, measured through each store and raw.</summary>
/// <param name="WithoutFinanceSeconds">The same Marten sessions on the app's store without its inline finance documents.</param>
/// <param name="EventsOnlySeconds">The same Marten sessions on the app's event store settings without its projections.</param>
public sealed record AppendResult(string Commit, int Events, int Commits, double MartenSeconds, double WithoutFinanceSeconds,
    double EventsOnlySeconds, double RawSeconds)
{
    public double MartenRate => Events / MartenSeconds;

    public double WithoutFinanceRate => Events / WithoutFinanceSeconds;

    public double EventsOnlyRate => Events / EventsOnlySeconds;

    public double RawRate => Events / RawSeconds;
}

/// <summary>
/// Benchmark 2: events per second through the app's own write path — a Marten session of the app's
/// store (its StoreOptions, inline projections and metadata) appending realistic events with their
/// metadata and version guard — beside the same rows written with plain Npgsql (<see cref="RawEventTable"/>).
/// The workload is the start of a generated history (flights and cases in time order), committed one
/// command per session (one stream, its 1–3 events: what an API command commits) and in sessions of
/// many streams. Both sides start each measurement from empty tables and run after a warm-up.
/// </summary>
public sealed class AppendBench(string connection, BenchSettings settings)
{
    public string Schema { get; } = "bench_append";

    public async Task<IReadOnlyList<AppendResult>> RunAsync(CancellationToken ct)
    {
        var generator = new HistoryGenerator(1, settings.Seed, BenchStores.Rules, volume: 0.25);
        var history = generator.Generate();
        var workload = history.Take(settings.AppendEvents).ToList();
        var commands = workload.GroupBy(e => e.Command).Select(g => g.ToList()).Take(settings.AppendCommands).ToList();
        Log.Write($"append: workload of {workload.Count:N0} events ({commands.Count:N0} single commands) in schema {Schema}");

        await BenchStores.ExecuteAsync(connection, $"drop schema if exists {Schema} cascade", ct);
        using var store = BenchStores.App(connection, Schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var withoutFinance = BenchStores.WithoutFinance(connection, Schema);
        using var eventsOnly = BenchStores.Loader(connection, Schema);
        var raw = new RawEventTable(connection, Schema);
        await raw.CreateAsync(ct);

        var warmUp = commands.Take(200).ToList();
        var measure = (string name, IReadOnlyList<List<HistoryEvent>> commits) => MeasureAsync(store, withoutFinance, eventsOnly, raw, name, commits, ct);
        await measure("warm-up", warmUp);
        await measure("warm-up", HistorySessions.Cut(workload.Take(2_000).ToList(), 100).ToList());

        return
        [
            await measure("1 command (1 stream) per commit", commands),
            await measure("100 events (many streams) per commit", HistorySessions.Cut(workload, 100).ToList()),
            await measure("1,000 events (many streams) per commit", HistorySessions.Cut(workload, 1_000).ToList()),
        ];
    }

    private async Task<AppendResult> MeasureAsync(DocumentStore store, DocumentStore withoutFinance, DocumentStore eventsOnly,
        RawEventTable raw, string name, IReadOnlyList<List<HistoryEvent>> commits, CancellationToken ct)
    {
        var marten = await MartenAsync(store, commits, ct);
        var martenWithoutFinance = await MartenAsync(withoutFinance, commits, ct);
        var withoutProjections = await MartenAsync(eventsOnly, commits, ct);
        await raw.ResetAsync(ct);
        await using var db = await BenchStores.OpenAsync(connection, ct);
        var watch = Stopwatch.StartNew();
        foreach (var commit in commits)
        {
            await raw.AppendAsync(db, commit, ct);
        }

        var result = new AppendResult(name, commits.Sum(c => c.Count), commits.Count, marten, martenWithoutFinance, withoutProjections,
            watch.Elapsed.TotalSeconds);
        Log.Write($"append: {name}: {result.Events:N0} events, Marten {result.MartenRate:N0}/s (without the finance documents "
            + $"{result.WithoutFinanceRate:N0}/s, without projections "
            + $"{result.EventsOnlyRate:N0}/s), raw {result.RawRate:N0}/s");
        return result;
    }

    private static async Task<double> MartenAsync(DocumentStore store, IReadOnlyList<List<HistoryEvent>> commits, CancellationToken ct)
    {
        await store.Advanced.Clean.DeleteAllEventDataAsync(ct);
        await store.Advanced.Clean.DeleteAllDocumentsAsync(ct);
        var watch = Stopwatch.StartNew();
        foreach (var commit in commits)
        {
            await using var session = store.LightweightSession();
            HistorySessions.Enlist(session, commit);
            await session.SaveChangesAsync(ct);
        }

        return watch.Elapsed.TotalSeconds;
    }
}
