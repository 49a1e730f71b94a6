using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using JasperFx;
using JasperFx.Events.Daemon;
using Npgsql;

namespace CalaisReturns.Benchmarks;

/// <summary>The stores the benchmarks use, all configured by the app's own <see cref="CalaisStore"/>.</summary>
public static class BenchStores
{
    /// <summary>The app's defaults (its configuration section is empty in Development and Production).</summary>
    public static readonly ManifestRules Rules = new();

    /// <summary>The development seal key: sealing costs the same under any key.</summary>
    public static readonly CalaisReturns.Auditing.Sealing.Sealer Sealer =
        new(Convert.FromBase64String(CalaisReturns.Auditing.Sealing.Sealer.DevelopmentKey));

    /// <summary>Exactly the app's store: its events, metadata, projections and subscription.</summary>
    public static DocumentStore App(string connection, string schema, Action<StoreOptions>? tune = null) =>
        DocumentStore.For(o =>
        {
            o.ConfigureCalais(connection, schema, Rules, Sealer, AutoCreate.CreateOrUpdate);
            // What the app's AddAsyncDaemon sets. No daemon runs unless a benchmark builds one to rebuild.
            o.Projections.AsyncMode = DaemonMode.Solo;
            tune?.Invoke(o);
        });

    /// <summary>
    /// The app's event store settings and event types without its projections, for loading a generated
    /// history fast into a schema the app's store created: the projections are rebuilt from it afterwards.
    /// </summary>
    public static DocumentStore Loader(string connection, string schema) => DocumentStore.For(o =>
    {
        o.ConfigureCalaisEvents(connection, schema, AutoCreate.None);
        o.Events.AddEventTypes([.. FlightsModule.EventTypes, .. CasesModule.EventTypes, .. FinanceModule.EventTypes]);
    });

    /// <summary>
    /// The app's store without the finance module's inline documents (the <c>FlightLedger</c> write model and
    /// the <c>FlightCostShare</c> read model, each holding every cost line of its flight), the schedule and
    /// case summaries kept: the append benchmark's measure of what those two documents cost.
    /// </summary>
    public static DocumentStore WithoutFinance(string connection, string schema) => DocumentStore.For(o =>
    {
        o.ConfigureCalaisEvents(connection, schema, AutoCreate.None);
        o.ConfigureFlights(Rules);
        o.ConfigureCases();
        o.Events.AddEventTypes(FinanceModule.EventTypes);
    });

    /// <summary>
    /// The projections a rebuild rebuilds: those that store documents. A live projection keeps none, so the
    /// `projections rebuild` command skips it.
    /// </summary>
    public static IReadOnlyList<JasperFx.Events.Projections.IProjectionSource<IDocumentOperations, IQuerySession>> Rebuildable(DocumentStore store) =>
        [.. store.Options.Projections.All.Where(p => p.Lifecycle != JasperFx.Events.Projections.ProjectionLifecycle.Live)];

    public static async Task ExecuteAsync(string connection, string sql, CancellationToken ct)
    {
        await using var db = await OpenAsync(connection, ct);
        await using var command = new NpgsqlCommand(sql, db);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(string connection, string sql, CancellationToken ct)
    {
        await using var db = await OpenAsync(connection, ct);
        await using var command = new NpgsqlCommand(sql, db);
        command.CommandTimeout = 0;
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connection, CancellationToken ct)
    {
        var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        return db;
    }
}
