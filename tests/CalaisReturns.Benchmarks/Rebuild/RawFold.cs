using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CalaisReturns.Cases;
using CalaisReturns.Flights;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using JasperFx;
using Npgsql;

namespace CalaisReturns.Benchmarks.Rebuild;

/// <summary>
/// The baseline of a projection rebuild: every row of mt_events read once in sequence order with plain
/// Npgsql, deserialized with System.Text.Json, and folded in memory into every registered projection's
/// documents (a dictionary per projection) by the projections' own code — their Create/Apply/Evolve,
/// called through the projection as an aggregator, with no session and no database. It writes nothing
/// to the database, but ends by serializing each document once with the store's serializer, as a
/// rebuild must to write it (a document may compute derived parts only then, as FlightCostShare does).
/// </summary>
public sealed class RawFold
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private static readonly ConcurrentDictionary<Type, Func<object, IEvent>> Wrappers = new();
    private readonly List<IRawProjection> projections;
    private readonly Dictionary<string, Type> types = [];
    private readonly ISerializer serializer;

    public RawFold(DocumentStore store)
    {
        projections = [.. BenchStores.Rebuildable(store).Select(p => Create(p))];
        serializer = store.Options.Serializer();
    }

    public long Events { get; private set; }

    /// <summary>Time spent reading and deserializing the rows, the rest being the projections' folds.</summary>
    public double ReadSeconds { get; private set; }

    /// <summary>Time each projection's fold took (its Create/Apply/Evolve calls and serializing its documents once).</summary>
    public IReadOnlyDictionary<string, double> FoldSeconds => projections.ToDictionary(p => p.Name, p => p.Seconds);

    /// <summary>Documents per projection after the fold.</summary>
    public IReadOnlyDictionary<string, int> Documents => projections.ToDictionary(p => p.Name, p => p.Count);

    /// <summary>
    /// Compares a sample of each projection's folded documents with the stored ones, as JSON through the
    /// store's serializer (a stored revision number is copied over first: the fold does not keep one).
    /// Returns how many were compared and how many differed or were missing.
    /// </summary>
    public async Task<(int Compared, int Different)> CompareAsync(IDocumentStore store, int perProjection, CancellationToken ct)
    {
        var (compared, different) = (0, 0);
        await using var session = store.QuerySession();
        foreach (var projection in projections)
        {
            var (c, d) = await projection.CompareAsync(session, serializer, perProjection, ct);
            compared += c;
            different += d;
        }

        return (compared, different);
    }

    public async Task RunAsync(string connection, string schema, CancellationToken ct)
    {
        await using var db = await BenchStores.OpenAsync(connection, ct);
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, type, mt_dotnet_type, timestamp, data from {schema}.mt_events "
            + "where is_archived = false order by seq_id", db);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var reading = Stopwatch.GetTimestamp();
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            var streamId = reader.GetGuid(1);
            var version = reader.GetInt64(2);
            var alias = reader.GetString(3);
            var dotnetType = reader.GetString(4);
            var timestamp = reader.GetFieldValue<DateTimeOffset>(5);
            var json = reader.GetString(6);
            if (!types.TryGetValue(alias, out var type))
            {
                types[alias] = type = Type.GetType(dotnetType, throwOnError: true)!;
            }

            var e = Wrap(JsonSerializer.Deserialize(json, type, Json)!);
            e.Sequence = sequence;
            e.StreamId = streamId;
            e.Version = version;
            e.Timestamp = timestamp;
            e.EventTypeName = alias;
            ReadSeconds += Stopwatch.GetElapsedTime(reading).TotalSeconds;
            foreach (var projection in projections)
            {
                projection.Apply(e);
            }

            Events++;
            reading = Stopwatch.GetTimestamp();
        }

        foreach (var projection in projections)
        {
            projection.Serialize(serializer);
        }
    }

    private static IEvent Wrap(object data) => Wrappers.GetOrAdd(data.GetType(), t =>
        typeof(RawFold).GetMethod(nameof(WrapAs), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t).CreateDelegate<Func<object, IEvent>>())(data);

    private static IEvent WrapAs<T>(object data) where T : notnull => new Event<T>((T)data);

    private static IRawProjection Create(IProjectionSource<IDocumentOperations, IQuerySession> source)
    {
        for (var type = source.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var doc, var id] && id == typeof(Guid)
                && (type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>)
                    || type.GetGenericTypeDefinition() == typeof(MultiStreamProjection<,>)))
            {
                var singleStream = type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>);
                return (IRawProjection)Activator.CreateInstance(typeof(RawProjection<>).MakeGenericType(doc), source,
                    singleStream ? (Func<IEvent, Guid?>)(e => e.StreamId) : RouteMultiStream(doc))!;
            }
        }

        throw new NotSupportedException($"The raw fold does not know how to fold the {source.Name} projection ({source.GetType().Name}).");
    }

    /// <summary>
    /// Multi-stream projections route by rules declared in their constructors, which the raw fold
    /// repeats: CaseSummary takes every event by its case id.
    /// </summary>
    private static Func<IEvent, Guid?> RouteMultiStream(Type document) => document == typeof(Cases.Summaries.CaseSummary)
        ? e => e.Data switch
        {
            CaseOpened x => x.CaseId,
            TravelDocumentRecorded x => x.CaseId,
            BarrierRaised x => x.CaseId,
            BarrierLifted x => x.CaseId,
            CaseClosed x => x.CaseId,
            PersonalDataErased x => x.CaseId,
            ReturneeManifested x => x.CaseId,
            ReturneeWithdrawn x => x.CaseId,
            _ => null,
        }
        : throw new NotSupportedException($"The raw fold does not know how {document.Name} documents are routed.");

    private interface IRawProjection
    {
        string Name { get; }

        int Count { get; }

        double Seconds { get; }

        void Apply(IEvent e);

        /// <summary>Serializes every document once, as a rebuild writes each of them.</summary>
        void Serialize(ISerializer serializer);

        Task<(int Compared, int Different)> CompareAsync(IQuerySession session, ISerializer serializer, int sample, CancellationToken ct);
    }

    private sealed class RawProjection<TDoc> : IRawProjection where TDoc : class
    {
        private readonly IProjectionSource<IDocumentOperations, IQuerySession> source;
        private readonly Func<IEvent, Guid?> route;
        private readonly Func<TDoc?, Guid, IEvent, TDoc?> evolve;
        private readonly HashSet<Type>? accepted;
        private readonly Dictionary<Guid, TDoc> documents = [];
        private long ticks;

        /// <summary>
        /// Conventional Create/Apply projections are dispatched by the evolver Marten's source generator
        /// wrote for them (registered on the assembly); the others override Evolve themselves.
        /// </summary>
        public RawProjection(IProjectionSource<IDocumentOperations, IQuerySession> source, Func<IEvent, Guid?> route)
        {
            this.source = source;
            this.route = route;
            var generated = source.GetType().Assembly.GetCustomAttributes<GeneratedEvolverAttribute>()
                .FirstOrDefault(a => a.ProjectionType == source.GetType());
            if (generated is not null)
            {
                var evolver = (IGeneratedSyncEvolver<TDoc, Guid>)Activator.CreateInstance(generated.EvolverType, source)!;
                evolve = evolver.Evolve;
                accepted = [.. evolver.EventTypes];
            }
            else
            {
                evolve = ((JasperFxAggregationProjectionBase<TDoc, Guid, IDocumentOperations, IQuerySession>)source).Evolve;
                accepted = source is EventFilterable { IncludedEventTypes.Count: > 0 } filter ? [.. filter.IncludedEventTypes] : null;
            }
        }

        public string Name => source.Name;

        public int Count => documents.Count;

        public double Seconds => Stopwatch.GetElapsedTime(0, ticks).TotalSeconds;

        public async Task<(int Compared, int Different)> CompareAsync(IQuerySession session, ISerializer serializer, int sample,
            CancellationToken ct)
        {
            var ids = documents.Keys.Order().Where((_, i) => i % Math.Max(1, documents.Count / sample) == 0).Take(sample).ToList();
            var idOf = typeof(TDoc).GetProperty("Id")!.GetMethod!.CreateDelegate<Func<TDoc, Guid>>();
            var stored = (await session.LoadManyAsync<TDoc>(ct, ids)).ToDictionary(idOf);
            var different = 0;
            foreach (var id in ids)
            {
                var folded = documents[id];
                if (!stored.TryGetValue(id, out var loaded))
                {
                    different++;
                    continue;
                }

                if (folded is IRevisioned revisioned && loaded is IRevisioned storedRevision)
                {
                    revisioned.Version = storedRevision.Version;
                }

                different += serializer.ToJson(folded) == serializer.ToJson(loaded) ? 0 : 1;
            }

            return (ids.Count, different);
        }

        public void Serialize(ISerializer serializer)
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var document in documents.Values)
            {
                serializer.ToJson(document);
            }

            ticks += Stopwatch.GetTimestamp() - started;
        }

        public void Apply(IEvent e)
        {
            if (accepted?.Contains(e.EventType) == false || route(e) is not { } id)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            documents.TryGetValue(id, out var snapshot);
            if (evolve(snapshot, id, e) is { } next)
            {
                documents[id] = next;
            }
            else
            {
                documents.Remove(id);
            }

            ticks += Stopwatch.GetTimestamp() - started;
        }
    }
}
