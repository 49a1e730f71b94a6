using CalaisReturns.Core.Http;

namespace CalaisReturns.Core;

/// <summary>What a successful command returns: the stream and the version to send with the next command.</summary>
public sealed record Accepted(Guid Id, long Version);

/// <summary>
/// A write model that decides for one concern of a stream that several concerns share (a flight's
/// operations and its finance): <see cref="Version"/> is the stream version of the last event that
/// bears on its decisions, not the stream's own, so that one department's changes never make another's
/// expected version stale. Every read model that shows a version for this concern shows this one.
/// </summary>
public interface IConcernState
{
    long Version { get; }
}

public static class EventStreams
{
    /// <summary>
    /// The one write path for commands on an existing stream: lock the stream's row and load its write
    /// model, check that the caller may act on it (403) and the expected version (412), run the pure
    /// decision (409 if refused) and append its events. Wolverine's transactional middleware commits the
    /// session. The row lock serialises the stream's writers, so a decision is always taken on the state
    /// it is appended to: a planner and a finance officer acting at the same instant both succeed, and of
    /// two people deciding on the same version exactly one does; the other then sees the first's events.
    /// </summary>
    public static Task<IResult> Decide<T>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<T, Text?> forbid, Func<T, Decision> decide, CancellationToken ct) where T : class =>
        session.Decide(id, expectedVersion, forbid, aggregate => Task.FromResult(decide(aggregate)), ct);

    /// <summary>As above, for a decision that first reads other streams' events about the aggregate (never a read model).</summary>
    public static Task<IResult> Decide<T>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<T, Text?> forbid, Func<T, Task<Decision>> decide, CancellationToken ct) where T : class =>
        session.Decide(id, expectedVersion, forbid, decide, accepted => Results.Ok(accepted), ct);

    /// <summary>As above, answering what the command created instead of the stream and its version.</summary>
    public static async Task<IResult> Decide<T>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<T, Text?> forbid, Func<T, Task<Decision>> decide, Func<Accepted, IResult> answer, CancellationToken ct)
        where T : class
    {
        var stream = await session.Events.FetchForExclusiveWriting<T>(id, ct);
        if (stream.Aggregate is not { } aggregate)
        {
            return Problems.NotFound(typeof(T).Name, id);
        }

        if (forbid(aggregate) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        var current = aggregate is IConcernState concern ? concern.Version : stream.CurrentVersion ?? 0;
        if (expectedVersion is { } expected && expected != current)
        {
            return Problems.StaleVersion(expected, current);
        }

        var decision = await decide(aggregate);
        if (decision.Refusal is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        stream.AppendMany(decision.Events);
        // The appended events bear on this concern, so the last of them is its version now.
        return answer(new Accepted(id, stream.CurrentVersion ?? 0));
    }

    /// <summary>
    /// The same write path for a stream the command may start (a budget, a month's closure, whose ids are derived): the
    /// aggregate is null until its first event; <paramref name="accepted"/> does what goes with the events in the same
    /// transaction (a closed report).
    /// </summary>
    public static async Task<IResult> DecideStarting<T>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<T?, Task<Decision>> decide, Func<IReadOnlyList<object>, Task>? accepted, CancellationToken ct) where T : class
    {
        var stream = await session.Events.FetchForExclusiveWriting<T>(id, ct);
        var current = stream.CurrentVersion ?? 0;
        if (expectedVersion is { } expected && expected != current)
        {
            return Problems.StaleVersion(expected, current);
        }

        var decision = await decide(stream.Aggregate);
        if (decision.Refusal is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        stream.AppendMany(decision.Events);
        if (accepted is not null)
        {
            await accepted(decision.Events);
        }

        return Results.Ok(new Accepted(id, stream.CurrentVersion ?? current + decision.Events.Count));
    }
}
