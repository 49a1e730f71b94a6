using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalaisReturns.Benchmarks.History;
using Npgsql;
using NpgsqlTypes;

namespace CalaisReturns.Benchmarks.Append;

/// <summary>
/// The baseline of the append path: the same rows written with plain Npgsql into tables built like
/// Marten's (<c>create table … (like mt_events including all)</c>: same columns, keys and indexes,
/// plus the foreign key to the streams table), one <see cref="NpgsqlBatch"/> per commit (see
/// <see cref="AppendAsync"/>). Event data is serialized with System.Text.Json.
/// </summary>
public sealed class RawEventTable(string connection, string schema)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private static readonly ConcurrentDictionary<Type, string> Aliases = new();
    private static readonly ConcurrentDictionary<Type, string> DotNetTypes = new();

    public async Task CreateAsync(CancellationToken ct) => await BenchStores.ExecuteAsync(connection, $"""
        create table {schema}.raw_streams (like {schema}.mt_streams including all);
        create table {schema}.raw_events (like {schema}.mt_events including all);
        alter table {schema}.raw_events add foreign key (stream_id) references {schema}.raw_streams (id) on delete cascade;
        create sequence {schema}.raw_events_sequence;
        """, ct);

    public Task ResetAsync(CancellationToken ct) =>
        BenchStores.ExecuteAsync(connection, $"truncate {schema}.raw_events, {schema}.raw_streams", ct);

    /// <summary>
    /// One commit: an <see cref="NpgsqlBatch"/> (one round trip, one implicit transaction) of at most three
    /// statements over arrays — insert the new streams, move the existing ones to their new version where
    /// they are still at the expected one (every row must match, as Marten's guard), insert the events.
    /// </summary>
    public async Task AppendAsync(NpgsqlConnection db, IEnumerable<HistoryEvent> events, CancellationToken ct)
    {
        var streams = events.GroupBy(e => e.StreamId).ToList();
        var started = streams.Where(s => s.First().Version == 1).ToList();
        var appended = streams.Where(s => s.First().Version > 1).ToList();
        var rows = streams.SelectMany(s => s).ToList();
        await using var batch = new NpgsqlBatch(db);
        if (started.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                $"insert into {schema}.raw_streams (id, type, version, timestamp, tenant_id) "
                + "select id, type, version, now(), '*DEFAULT*' from unnest($1::uuid[], $2::varchar[], $3::bigint[]) as s(id, type, version)",
                started.Select(s => s.Key).ToArray(),
                started.Select(s => s.First().Kind == StreamKind.Flight ? "flight" : "returnee_case").ToArray(),
                started.Select(s => s.Last().Version).ToArray()));
        }

        NpgsqlBatchCommand? guard = null;
        if (appended.Count > 0)
        {
            batch.BatchCommands.Add(guard = Command(
                $"update {schema}.raw_streams s set version = u.version, timestamp = now() "
                + "from unnest($1::uuid[], $2::bigint[], $3::bigint[]) as u(id, version, expected) where s.id = u.id and s.version = u.expected",
                appended.Select(s => s.Key).ToArray(), appended.Select(s => s.Last().Version).ToArray(),
                appended.Select(s => s.First().Version - 1).ToArray()));
        }

        batch.BatchCommands.Add(Command(
            $"insert into {schema}.raw_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, "
            + "is_archived, correlation_id, headers, user_name) "
            + $"select nextval('{schema}.raw_events_sequence'), id, stream_id, version, data, type, '*DEFAULT*', timestamp, dotnet_type, false, "
            + "correlation_id, headers, user_name from unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::jsonb[], $5::varchar[], "
            + "$6::timestamptz[], $7::varchar[], $8::varchar[], $9::jsonb[], $10::varchar[]) "
            + "as e(id, stream_id, version, data, type, timestamp, dotnet_type, correlation_id, headers, user_name)",
            rows.Select(_ => Guid.CreateVersion7()).ToArray(), rows.Select(e => e.StreamId).ToArray(), rows.Select(e => e.Version).ToArray(),
            Jsonb(rows.Select(e => JsonSerializer.Serialize(e.Data, e.Data.GetType(), Json)).ToArray()),
            rows.Select(e => Aliases.GetOrAdd(e.Data.GetType(), Alias)).ToArray(), rows.Select(e => e.At).ToArray(),
            rows.Select(e => DotNetTypes.GetOrAdd(e.Data.GetType(), t => $"{t.FullName}, {t.Assembly.GetName().Name}")).ToArray(),
            rows.Select(e => e.CorrelationId).ToArray(),
            Jsonb(rows.Select(e => JsonSerializer.Serialize(HistorySessions.Headers(e).ToDictionary(h => h.Name, h => h.Value), Json)).ToArray()),
            rows.Select(e => e.Stamp.UserId).ToArray()));

        await batch.ExecuteNonQueryAsync(ct);
        if (guard is not null && guard.RecordsAffected != appended.Count)
        {
            throw new InvalidOperationException("A stream was not at the expected version.");
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlParameter Jsonb(string[] json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb };

    /// <summary>Marten's default alias: the type name in snake case (FlightPlanned → flight_planned).</summary>
    private static string Alias(Type type) => string.Concat(type.Name.Select((c, i) =>
        char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
