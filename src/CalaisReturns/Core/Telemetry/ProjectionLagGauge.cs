using System.Diagnostics.Metrics;
using CalaisReturns.Jobs.ProjectionHealth;

namespace CalaisReturns.Core.Telemetry;

/// <summary>
/// The async projections' lag behind the event store, per shard, as the projection-lag job last measured it in this
/// process (every minute, on the host that runs the job). A host that has not run it reports no shard.
/// </summary>
public static class ProjectionLagGauge
{
    private static volatile IReadOnlyList<ShardLag> latest = [];

    private static readonly ObservableGauge<long> Gauge = Telemetry.Meter.CreateObservableGauge("calais.projection.lag",
        Observe, "{event}", "Events appended that an async projection or subscription has not processed yet, per shard");

    public static void Record(ProjectionLag lag) => latest = lag.Shards;

    private static IEnumerable<Measurement<long>> Observe() =>
        latest.Select(s => new Measurement<long>(s.Lag, new KeyValuePair<string, object?>("shard", s.Shard)));
}
