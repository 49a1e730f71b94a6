using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace CalaisReturns.Jobs.ProjectionHealth;

public sealed record ShardLag(string Shard, long Sequence, long Lag);

/// <summary>How far each async projection and subscription is behind the event store's high-water mark.</summary>
public sealed class ProjectionLag
{
    public const string Latest = "latest";

    public string Id { get; set; } = Latest;
    public DateTimeOffset RecordedAt { get; set; }
    public long HighWaterMark { get; set; }
    public List<ShardLag> Shards { get; set; } = [];
    public long MaxLag { get; set; }
    public bool WithinLimit { get; set; }
}

public sealed record RecordProjectionLag;

/// <summary>The Hangfire job, every minute: thin, it only sends the command.</summary>
public sealed class ProjectionLagJob(IMessageBus bus)
{
    public const string Id = "projection-lag";

    public Task Run() => bus.InvokeAsync(new RecordProjectionLag());
}

public static class ProjectionLagHandler
{
    /// <summary>Overwrites the latest record: running it twice only refreshes it.</summary>
    public static async Task Handle(RecordProjectionLag command, IDocumentSession session, TimeProvider clock,
        IConfiguration configuration, CancellationToken ct)
    {
        var store = session.DocumentStore;
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var shards = progress.OrderBy(p => p.ShardName, StringComparer.Ordinal)
            .Select(p => new ShardLag(p.ShardName, p.Sequence, Math.Max(0, statistics.EventSequenceNumber - p.Sequence)))
            .Where(s => s.Shard != "HighWaterMark")
            .ToList();
        var maxLag = shards.Count == 0 ? 0 : shards.Max(s => s.Lag);
        var lag = new ProjectionLag
        {
            RecordedAt = clock.GetUtcNow(), HighWaterMark = statistics.EventSequenceNumber, Shards = shards, MaxLag = maxLag,
            WithinLimit = maxLag <= configuration.GetValue("Health:MaxProjectionLag", 1000),
        };
        session.Store(lag);
        Core.Telemetry.ProjectionLagGauge.Record(lag);
    }
}

public static class ProjectionLagEndpoint
{
    [WolverineGet("/api/admin/projection-lag", OperationId = "GetProjectionLag",
        Summary = "The latest recorded lag of the async projections behind the event store")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    [ProducesResponseType<ProjectionLag>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ProjectionLag>(ProjectionLag.Latest, ct) is { } lag
            ? Results.Ok(lag)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.NoLag.Title"),
                detail: Texts.Get("Problem.NoLag"));
}
