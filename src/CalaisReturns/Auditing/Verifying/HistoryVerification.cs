using CalaisReturns.Auditing.Sealing;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Verifying;

/// <summary>The first link of a stream that no longer matches its seal, and why.</summary>
public sealed record BrokenLink(Guid StreamId, long Version, string Problem);

public sealed record VerificationResult(bool Intact, int Streams, long EventsVerified, long EventsNotYetSealed, BrokenLink? FirstBroken);

public static class HistoryVerification
{
    /// <summary>
    /// Re-walks one stream against its seals. An edited event, a deleted one, or two swapped ones
    /// each break the chain at the first link that differs. Events after the last seal are not yet
    /// sealed (the subscription runs seconds behind), not broken.
    /// </summary>
    public static (BrokenLink? Broken, long Verified, long Unsealed) Verify(Guid streamId, IReadOnlyList<IEvent> events,
        StreamSeals? seals)
    {
        var links = seals?.Links ?? [];
        var previous = Seals.Genesis;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var e = i < events.Count ? events[i] : null;
            if (e is null || e.Version != link.Version)
            {
                return (new BrokenLink(streamId, link.Version, $"Event {link.Version} is missing from the stream."), i, 0);
            }

            var personal = Seals.IsMasked(e) ? link.Personal : Seals.PersonalDigest(e);
            if (personal != link.Personal || Seals.Hash(Seals.Payload(e, previous, personal)) != link.Hash)
            {
                return (new BrokenLink(streamId, link.Version,
                    $"Event {link.Version} ({e.EventTypeName}) differs from what was sealed."), i, 0);
            }

            previous = link.Hash;
        }

        return (null, links.Count, Math.Max(0, events.Count - links.Count));
    }
}
