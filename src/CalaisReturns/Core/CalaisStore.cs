using CalaisReturns.Accountability;
using CalaisReturns.Auditing;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using JasperFx;
using JasperFx.Events.Projections;
using Weasel.Core;

namespace CalaisReturns.Core;

/// <summary>
/// The Marten store as the app runs it: events with their metadata, the modules' projections and the
/// sealing of every event as it is appended. Program.cs and the benchmarks both call it, so a benchmark measures this store.
/// </summary>
public static class CalaisStore
{
    public const int RebuildFlushThreshold = 100_000;

    public static StoreOptions ConfigureCalais(this StoreOptions opts, string connectionString, string schema,
        ManifestRules manifestRules, Sealer sealer, AutoCreate autoCreate)
    {
        opts.ConfigureCalaisEvents(connectionString, schema, autoCreate);
        opts.ConfigureFlights(manifestRules);
        opts.ConfigureCases();
        opts.ConfigureFinance();
        opts.ConfigureAccountability();
        opts.ConfigureAuditing(sealer);
        // The jobs' own documents, registered so that db-apply creates their tables: production creates none at start-up.
        opts.Schema.For<Jobs.PeriodSnapshots.PeriodSnapshot>();
        opts.Schema.For<Jobs.ProjectionHealth.ProjectionLag>();
        opts.Schema.For<Jobs.Notifications.ManifestDeadlineApproaching>();
        // Who asked for e-mails (by user id), and which e-mails were sent (ids only).
        opts.Schema.For<Notifications.EmailSubscription>().Index(s => s.State);
        opts.Schema.For<Notifications.SentEmail>();

        // A rebuild keeps the documents it changes in memory and writes each once per 100,000 changed
        // documents, instead of loading and rewriting it on every 500-event page of a history where
        // hundreds of flights and thousands of cases are busy at once: a case's events span months, so a
        // smaller window wrote its summary once per event (README, Benchmarks). At most that many documents
        // are held (a case summary is under 1 KiB). It changes nothing outside rebuilds.
        foreach (var projection in opts.Projections.All.OfType<ProjectionBase>())
        {
            projection.Options.RebuildFlushThreshold = RebuildFlushThreshold;
        }

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
        // An index on (type, seq_id): the as-of reports find their flights by the types of their planning
        // events, which without it scans every event, growing with the history (README, Benchmarks);
        // rebuilds read by type through it too.
        opts.Events.EnableEventTypeIndex = true;
        return opts;
    }
}
