using CalaisReturns.Auditing;
using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using JasperFx;
using Weasel.Core;

namespace CalaisReturns.Core;

/// <summary>
/// The Marten store as the app runs it: events with their metadata, the modules' projections and the
/// sealing subscription. Program.cs and the benchmarks both call it, so a benchmark measures this store.
/// </summary>
public static class CalaisStore
{
    public static StoreOptions ConfigureCalais(this StoreOptions opts, string connectionString, string schema,
        ManifestRules manifestRules, AutoCreate autoCreate)
    {
        opts.ConfigureCalaisEvents(connectionString, schema, autoCreate);
        opts.ConfigureFlights(manifestRules);
        opts.ConfigureCases();
        opts.ConfigureFinance();
        opts.ConfigureAuditing();
        return opts;
    }

    /// <summary>The event store without the modules: connection, schema, serialization and event metadata.</summary>
    public static StoreOptions ConfigureCalaisEvents(this StoreOptions opts, string connectionString, string schema,
        AutoCreate autoCreate)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.AutoCreateSchemaObjects = autoCreate;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        return opts;
    }
}
