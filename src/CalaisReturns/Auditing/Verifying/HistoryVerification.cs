using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Cases;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Verifying;

/// <summary>How a stream's history fails its seals.</summary>
public enum BreakKind
{
    Missing,
    Unsealed,
    Altered,
    Reordered,
    ErasureUnexplained,
    PersonalDataUnverifiable,
    Truncated,
    Deleted,
    Unreadable,
}

/// <summary>The first place a stream no longer matches its seals, and what is wrong there.</summary>
/// <param name="Type">The stored event type at that place, where one was read.</param>
/// <param name="Other">The other version a reordering or a shortening names.</param>
public sealed record BrokenStream(Guid StreamId, long Version, BreakKind Kind, string? Type = null, long? Other = null)
{
    /// <summary>What is wrong, in the reader's language.</summary>
    public string Problem => Texts.Format($"Verify.{Kind}", Version, Type ?? "", Other ?? 0);
}

/// <summary>The last verified event of a stream: its version and seal.</summary>
public sealed record StreamHead(long Version, string Seal);

/// <summary>What checking a run of a stream's events found: the new head, how many events passed, the break if any.</summary>
public sealed record StreamCheck(StreamHead? Head, long Verified, BrokenStream? Broken);

public static class HistoryVerification
{
    /// <summary>
    /// Checks the events of one stream that follow <paramref name="head"/> (all of them when it is null) against their
    /// seals: each version follows the last, each carries a seal, each seal is the key's MAC of the event chained to
    /// the one before; two events found in each other's places are "reordered"; a masked event must name a sealed
    /// erasure event of the stream that comes after it, with exactly the personal fields masked; an unmasked case's
    /// personal data must match its salted digest while the salt lasts, and the salt may only go with an erasure.
    /// </summary>
    /// <param name="salt">The case's personal-data salt, if the stream is a case's and the salt is still there.</param>
    public static StreamCheck Check(Guid stream, StreamHead? head, IReadOnlyList<IEvent> events, Sealer sealer, byte[]? salt)
    {
        var previous = head?.Seal ?? Seals.Genesis;
        var expected = (head?.Version ?? 0) + 1;
        var erasures = events.Where(e => e.Data is IErasesPersonalData).Select(e => e.Version).ToHashSet();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Version != expected)
            {
                return Broken(head, i, new BrokenStream(stream, expected, BreakKind.Missing));
            }

            if (Seals.Of(e) is not { } seal)
            {
                return Broken(head, i, new BrokenStream(stream, e.Version, BreakKind.Unsealed, e.EventTypeName));
            }

            if (sealer.Seal(e, previous) != seal)
            {
                return Broken(head, i, i + 1 < events.Count && Swapped(sealer, previous, e, events[i + 1])
                    ? new BrokenStream(stream, e.Version, BreakKind.Reordered, e.EventTypeName, e.Version + 1)
                    : new BrokenStream(stream, e.Version, BreakKind.Altered, e.EventTypeName));
            }

            if (Personal(e, salt, erasures) is { } problem)
            {
                return Broken(head, i, new BrokenStream(stream, e.Version, problem, e.EventTypeName));
            }

            previous = seal;
            expected++;
        }

        var last = events.Count > 0 ? new StreamHead(events[^1].Version, previous) : head;
        return new StreamCheck(last, events.Count, null);
    }

    /// <summary>A stream whose last verified event is gone: cut short, or deleted whole.</summary>
    public static BrokenStream Shortened(Guid stream, StreamHead head, long? lastVersion) => lastVersion is { } last
        ? new BrokenStream(stream, last + 1, BreakKind.Truncated, Other: head.Version)
        : new BrokenStream(stream, 1, BreakKind.Deleted, Other: head.Version);

    /// <summary>Whether two neighbouring events verify once put back in each other's places (their data, or their rows).</summary>
    private static bool Swapped(Sealer sealer, string previous, IEvent first, IEvent second) =>
        (Seals.Of(first) is { } a && sealer.Seal(first, previous, from: second) == a
            && Seals.Of(second) is { } b && sealer.Seal(second, a, from: first) == b)
        || (Seals.Of(second) is { } moved && sealer.Seal(second, previous, version: first.Version) == moved
            && Seals.Of(first) is { } back && sealer.Seal(first, moved, version: second.Version) == back);

    private static BreakKind? Personal(IEvent e, byte[]? salt, HashSet<long> erasures)
    {
        if (Seals.ErasedBy(e) is { } erasedBy)
        {
            var explained = long.TryParse(erasedBy, out var by) && by > e.Version && erasures.Contains(by)
                && (e.Data is not IHoldsPersonalData || Seals.PersonalDataMasked(e.Data));
            return explained ? null : BreakKind.ErasureUnexplained;
        }

        if (Seals.PersonalDigestOf(e) is not { } digest)
        {
            return null;
        }

        return Seals.PersonalDataMasked(e.Data) ? BreakKind.ErasureUnexplained
            : salt is null ? BreakKind.PersonalDataUnverifiable
            : Seals.PersonalDigest(salt, e.Data) != digest ? BreakKind.Altered
            : null;
    }

    private static StreamCheck Broken(StreamHead? head, int verified, BrokenStream broken) => new(head, verified, broken);
}
