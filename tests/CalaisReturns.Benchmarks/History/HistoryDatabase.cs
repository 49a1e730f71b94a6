using System.Diagnostics;

namespace CalaisReturns.Benchmarks.History;

/// <summary>What a history schema holds, and how long it took to make.</summary>
public sealed record HistoryInfo(
    string Schema, int Years, long Events, long Streams, double GenerateSeconds, double AppendSeconds, string Profile, bool Cached);

/// <summary>
/// A schema holding a generated history of some years. It is kept between runs: when its marker
/// table says it holds this generator version's history of the same years and seed, it is reused.
/// </summary>
public sealed class HistoryDatabase(string connection, int years, int seed)
{
    /// <summary>Events per session when loading: the daemon's page size (see <see cref="HistorySessions.Cut"/>).</summary>
    private const int EventsPerSession = 500;

    public string Schema { get; } = $"bench_history_{years}y";

    public async Task<HistoryInfo> EnsureAsync(CancellationToken ct)
    {
        if (await CachedAsync(ct) is { } cached)
        {
            Log.Write($"history: reusing {cached.Events:N0} events in schema {Schema}; bringing its schema up to date");
            using var store = BenchStores.App(connection, Schema);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            return cached;
        }

        await BenchStores.ExecuteAsync(connection, $"drop schema if exists {Schema} cascade", ct);
        using (var app = BenchStores.App(connection, Schema))
        {
            await app.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        Log.Write($"history: generating {years} year(s) through the decide functions");
        var watch = Stopwatch.StartNew();
        var generator = new HistoryGenerator(years, seed, BenchStores.Rules);
        var events = generator.Generate();
        var generated = watch.Elapsed.TotalSeconds;
        var profile = HistoryProfile.Of(events).Describe();
        Log.Write($"history: {events.Count:N0} events in {generated:0} s ({generator.Simulation.Refusals.Values.Sum()} commands refused, "
            + $"{generator.ManifestMisses} manifest misses): {profile}; appending");
        watch.Restart();
        // Durability is not what is measured here: commits of the load do not wait for the WAL flush.
        using (var loader = BenchStores.Loader(connection + ";Options=-c synchronous_commit=off", Schema))
        {
            await AppendAsync(loader, events, ct);
        }

        var appended = watch.Elapsed.TotalSeconds;
        Log.Write($"history: appended in {appended:0} s ({events.Count / appended:N0} events/s); analyzing");
        await BenchStores.ExecuteAsync(connection, $"""
            analyze {Schema}.mt_events; analyze {Schema}.mt_streams;
            create table {Schema}.bench_history (generator int not null, years int not null, seed int not null,
                events bigint not null, generate_seconds float8 not null, append_seconds float8 not null, profile text not null);
            """, ct);
        await using (var db = await BenchStores.OpenAsync(connection, ct))
        {
            await using var insert = new Npgsql.NpgsqlCommand($"insert into {Schema}.bench_history values ($1, $2, $3, $4, $5, $6, $7)", db);
            foreach (var value in new object[] { HistoryGenerator.Version, years, seed, (long)events.Count, generated, appended, profile })
            {
                insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
            }

            await insert.ExecuteNonQueryAsync(ct);
        }

        return (await CachedAsync(ct))! with { Cached = false };
    }

    private async Task<HistoryInfo?> CachedAsync(CancellationToken ct)
    {
        var marked = await BenchStores.ScalarAsync<long>(connection,
            $"select count(*) from information_schema.tables where table_schema = '{Schema}' and table_name = 'bench_history'", ct);
        if (marked == 0)
        {
            return null;
        }

        await using var db = await BenchStores.OpenAsync(connection, ct);
        await using var command = new Npgsql.NpgsqlCommand($"""
            select h.events, h.generate_seconds, h.append_seconds, h.profile,
                   (select count(*) from {Schema}.mt_events), (select count(*) from {Schema}.mt_streams)
            from {Schema}.bench_history h
            where h.generator = {HistoryGenerator.Version} and h.years = {years} and h.seed = {seed}
            """, db);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetInt64(0) != reader.GetInt64(4))
        {
            return null;
        }

        return new HistoryInfo(Schema, years, reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3), true);
    }

    /// <summary>Appends the history in time order through <see cref="HistorySessions"/>, many streams per session.</summary>
    private static async Task AppendAsync(IDocumentStore store, IReadOnlyList<HistoryEvent> events, CancellationToken ct)
    {
        var appended = 0;
        foreach (var batch in HistorySessions.Cut(events, EventsPerSession))
        {
            await using var session = store.LightweightSession();
            HistorySessions.Enlist(session, batch);
            await session.SaveChangesAsync(ct);
            if (appended / 200_000 != (appended += batch.Count) / 200_000)
            {
                Log.Write($"history: {appended:N0} of {events.Count:N0} appended");
            }
        }
    }
}
