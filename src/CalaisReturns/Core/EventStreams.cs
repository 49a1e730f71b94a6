using CalaisReturns.Core.Http;

namespace CalaisReturns.Core;

/// <summary>What a successful command returns: the stream and its version after the command.</summary>
public sealed record Accepted(Guid Id, long Version);

public static class EventStreams
{
    /// <summary>
    /// The one write path for commands on an existing stream: load the aggregate for writing, check
    /// that the caller may act on it (403) and the expected version (412), run the pure decision
    /// (409 if refused) and append its events. Wolverine's transactional middleware commits the
    /// session; Marten refuses the commit if the stream moved on since it was loaded, so a
    /// concurrent writer cannot cause a lost update.
    /// </summary>
    public static Task<IResult> Decide<T>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<T, string?> forbid, Func<T, Decision> decide, CancellationToken ct) where T : class =>
        session.Decide<T, T>(id, expectedVersion, aggregate => aggregate, forbid, decide, ct);

    /// <summary>
    /// As <see cref="Decide{T}"/>, deciding on a part of an inline projected document: the document
    /// is loaded with the stream's version in one round trip instead of folding the whole stream.
    /// </summary>
    public static async Task<IResult> Decide<TDocument, T>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<TDocument, T> view, Func<T, string?> forbid, Func<T, Decision> decide, CancellationToken ct)
        where TDocument : class
    {
        var stream = await session.Events.FetchForWriting<TDocument>(id, ct);
        if (stream.Aggregate is null)
        {
            return Problems.NotFound(typeof(T).Name, id);
        }

        var aggregate = view(stream.Aggregate);
        if (forbid(aggregate) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        if (expectedVersion is { } expected && expected != stream.CurrentVersion)
        {
            return Problems.StaleVersion(expected, stream.CurrentVersion ?? 0);
        }

        var decision = decide(aggregate);
        if (decision.Refusal is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        stream.AppendMany(decision.Events);
        return Results.Ok(new Accepted(id, stream.CurrentVersion ?? 0));
    }
}
