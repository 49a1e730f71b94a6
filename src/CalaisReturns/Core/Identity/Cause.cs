using JasperFx.Events;

namespace CalaisReturns.Core.Identity;

/// <summary>
/// The event that caused what a policy or a job does, and the correlation id of the request that appended it: carried
/// in the command a policy sends, so that the events appended in its turn name their cause ("stream/version") and
/// stay in the request's correlation.
/// </summary>
public sealed record Cause(Guid StreamId, long Version, string? CorrelationId)
{
    public static Cause Of(IEvent e) => new(e.StreamId, e.Version, e.CorrelationId);

    /// <summary>How the causation id names the event: <c>{stream}/{version}</c>.</summary>
    public string Id => $"{StreamId}/{Version}";

    public static Cause? Parse(string? causationId, string? correlationId) =>
        causationId?.Split('/') is [var stream, var version] && Guid.TryParse(stream, out var id) && long.TryParse(version, out var v)
            ? new Cause(id, v, correlationId)
            : null;
}
