using System.Diagnostics;

namespace CalaisReturns.Benchmarks.Rebuild;

public sealed record ProjectionRebuild(string Name, string Lifecycle, double Seconds, int Documents);

public sealed record RebuildResult(
    long Events,
    IReadOnlyList<ProjectionRebuild> Projections,
    double RawSeconds,
    double RawReadSeconds,
    IReadOnlyDictionary<string, double> RawFoldSeconds,
    IReadOnlyDictionary<string, int> RawDocuments,
    double ConcurrentSeconds,
    int Compared,
    int Different)
{
    public double MartenSeconds => Projections.Sum(p => p.Seconds);
}

/// <summary>
/// Benchmark 3: every projection of the app's store that keeps documents rebuilt by Marten's projection daemon
/// (<c>RebuildProjectionAsync</c>, inline and async alike; one after the other, then all at once)
/// beside the raw fold of the same rows (<see cref="RawFold"/>); after each, a sample of the rebuilt
/// documents is compared with the fold's.
/// </summary>
public sealed class RebuildBench(string connection)
{
    public async Task<RebuildResult> RunAsync(string schema, CancellationToken ct)
    {
        using var store = BenchStores.App(connection, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // Both read the table from the same cache: read it once before either is timed.
        var events = await BenchStores.ScalarAsync<long>(connection,
            $"select count(*) from (select octet_length(data::text) from {schema}.mt_events where is_archived = false) e", ct);

        var raw = new RawFold(store);
        var watch = Stopwatch.StartNew();
        await raw.RunAsync(connection, schema, ct);
        var rawSeconds = watch.Elapsed.TotalSeconds;
        Log.Write($"rebuild: raw fold of {raw.Events:N0} events in {rawSeconds:0.0} s");

        var rebuilt = new List<ProjectionRebuild>();
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in BenchStores.Rebuildable(store))
        {
            watch.Restart();
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromHours(2), ct);
            var seconds = watch.Elapsed.TotalSeconds;
            var documents = await BenchStores.ScalarAsync<long>(connection,
                $"select count(*) from {schema}.mt_doc_{projection.PublishedTypes().Single().Name.ToLowerInvariant()}", ct);
            rebuilt.Add(new ProjectionRebuild(projection.Name, projection.Lifecycle.ToString(), seconds, (int)documents));
            Log.Write($"rebuild: {projection.Name} ({projection.Lifecycle}) in {seconds:0.0} s, {documents:N0} documents");
        }

        var (compared, different) = await raw.CompareAsync(store, 100, ct);

        // All at once, as the `projections rebuild` command runs them (up to its concurrency cap).
        watch.Restart();
        await Task.WhenAll(BenchStores.Rebuildable(store).Select(p => daemon.RebuildProjectionAsync(p.Name, TimeSpan.FromHours(2), ct)));
        var concurrent = watch.Elapsed.TotalSeconds;
        Log.Write($"rebuild: all projections at once in {concurrent:0.0} s");
        var (again, differentAgain) = await raw.CompareAsync(store, 100, ct);
        return new RebuildResult(events, rebuilt, rawSeconds, raw.ReadSeconds, raw.FoldSeconds, raw.Documents, concurrent,
            compared + again, different + differentAgain);
    }
}
