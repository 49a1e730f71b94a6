using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Flights.History;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalaisReturns.Benchmarks.Reads;

public sealed record ReadResult(string Query, string Schema, int Runs, double P50, double P99, double MeanBytes);

/// <summary>
/// Benchmark 4: the API's own query functions (the endpoint methods the HTTP routes call) against a
/// history, each run on a fresh query session as a request would be, its answer serialized to JSON as
/// the API would send it. Each query runs over varying inputs (periods, months, flights) after a warm-up.
/// Not included: HTTP, authentication and the network, which the HTTP mix of ops/bench covers.
/// </summary>
public sealed class ReadBench(string connection)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly ClaimsPrincipal Auditor = new(new ClaimsIdentity(
        [new Claim(Core.Identity.Claims.Subject, "bench-auditor"), new Claim(Core.Identity.Claims.Role, "Auditor"), new Claim(Core.Identity.Claims.State, "UK")], "bench"));

    public async Task<IReadOnlyList<ReadResult>> RunAsync(string schema, int years, int runs, CancellationToken ct)
    {
        using var store = BenchStores.App(connection, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await ProjectedAsync(store, schema, ct);
        var quarters = Enumerable.Range(2016, years).SelectMany(y => Enumerable.Range(1, 4).Select(q => $"{y}-Q{q}")).ToArray();
        var months = Enumerable.Range(0, 12 * years).Select(m => new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(m)).ToArray();
        var flights = await FlightsAsync(schema, ct);
        return
        [
            await MeasureAsync(store, "cost-share report, a quarter (live)", schema, runs,
                (session, i) => GetCostShareReportEndpoint.Get(quarters[i % quarters.Length], null, session, ct)),
            await MeasureAsync(store, "cost-share report, a year (live)", schema, runs,
                (session, i) => GetCostShareReportEndpoint.Get($"{2016 + i % years}", null, session, ct)),
            await MeasureAsync(store, "schedule, a month", schema, runs,
                (session, i) => GetScheduleEndpoint.Get(session, $"{months[i % months.Length]:O}", $"{months[i % months.Length].AddMonths(1):O}",
                    null, null, null, ct)),
            await MeasureAsync(store, "flight history, first page of 100", schema, runs,
                (session, i) => GetFlightHistoryEndpoint.Get(flights[i % flights.Count], null, null, null, "1", "100", session, Auditor, ct)),
        ];
    }

    /// <summary>
    /// A history is stored without its projections (the rebuild part builds them): read without that part, they are
    /// built here first, unmeasured, so that the live reads read what the app would.
    /// </summary>
    private async Task ProjectedAsync(DocumentStore store, string schema, CancellationToken ct)
    {
        var entries = await BenchStores.ScalarAsync<long>(connection, $"select count(*) from {schema}.mt_doc_costsharereportentry", ct);
        var schedules = await BenchStores.ScalarAsync<long>(connection, $"select count(*) from {schema}.mt_doc_flightschedule", ct);
        if (entries > 0 && schedules > 0)
        {
            return;
        }

        Log.Write($"reads: building the projections of {schema} first (unmeasured)");
        using var daemon = await store.BuildProjectionDaemonAsync();
        await Task.WhenAll(BenchStores.Rebuildable(store).Select(p => daemon.RebuildProjectionAsync(p.Name, TimeSpan.FromHours(2), ct)));
    }

    /// <summary>The report of a quarter as it stood 45 days after the quarter ended, replayed from the events.</summary>
    public async Task<ReadResult> AsOfAsync(string schema, int years, int runs, CancellationToken ct)
    {
        using var store = BenchStores.App(connection, schema);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var quarters = Enumerable.Range(2016, years).SelectMany(y => Enumerable.Range(1, 4).Select(q => (Year: y, Quarter: q))).ToArray();
        return await MeasureAsync(store, "cost-share report, a quarter as of 45 days after its end", schema, runs, (session, i) =>
        {
            var (year, quarter) = quarters[i % quarters.Length];
            var asOf = new DateTimeOffset(year, quarter * 3, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddDays(45);
            return GetCostShareReportEndpoint.Get($"{year}-Q{quarter}", $"{asOf:O}", session, ct);
        });
    }

    private async Task<List<Guid>> FlightsAsync(string schema, CancellationToken ct)
    {
        await using var db = await BenchStores.OpenAsync(connection, ct);
        await using var command = new Npgsql.NpgsqlCommand(
            $"select id from {schema}.mt_streams where type = 'flight' order by md5(id::text) limit 200", db);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<ReadResult> MeasureAsync(IDocumentStore store, string query, string schema, int runs,
        Func<IQuerySession, int, Task<IResult>> read)
    {
        var warmUp = Math.Max(3, runs / 10);
        var times = new List<double>();
        var bytes = 0L;
        for (var i = 0; i < warmUp + runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var session = store.QuerySession())
            {
                var result = await read(session, i);
                if (result is not IValueHttpResult { Value: { } value } || result is IStatusCodeHttpResult { StatusCode: not (null or 200) })
                {
                    throw new InvalidOperationException($"{query}: the endpoint answered {result.GetType().Name}, not 200 with a body.");
                }

                var size = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json).Length;
                if (i >= warmUp)
                {
                    bytes += size;
                }
            }

            if (i >= warmUp)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        times.Sort();
        var measured = new ReadResult(query, schema, runs, Percentile(times, 0.50), Percentile(times, 0.99), (double)bytes / runs);
        Log.Write($"reads: {query} on {schema}: p50 {measured.P50:0.0} ms, p99 {measured.P99:0.0} ms");
        return measured;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
