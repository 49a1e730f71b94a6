using System.Security.Cryptography;
using CalaisReturns.Cases;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Sealing;

/// <summary>
/// Seals every event in the transaction that appends it, chained to its stream's previous seal: an event is never
/// stored without its seal, and nothing but this application (which holds the key) can make one. A stream appended to
/// must have been fetched for writing (its version known, its row locked), so that the previous seal is the one the
/// new event follows; an append that does not know its stream's version is refused rather than sealed on a guess.
/// </summary>
public sealed class SealingListener(Sealer sealer) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var streams = session.PendingChanges.Streams().Where(s => s.Events.Count > 0).ToList();
        if (streams.Count == 0)
        {
            return;
        }

        var heads = await PreviousSeals(session, streams, token);
        var salts = new Dictionary<Guid, byte[]>();
        foreach (var stream in streams)
        {
            var previous = heads[stream.Id];
            foreach (var e in stream.Events.OrderBy(e => e.Version))
            {
                if (e.Data is IHoldsPersonalData && await SaltOf(session, stream, salts, token) is { } salt
                    && Seals.PersonalDigest(salt, e.Data) is { } digest)
                {
                    e.SetHeader(Seals.PersonalHeader, digest);
                }

                e.SetHeader(Seals.Header, previous = sealer.Seal(e, previous));
            }
        }
    }

    /// <summary>
    /// The stream's personal-data salt: made with its first event that holds personal data, read back for later ones
    /// (one salt per stream, so that erasure destroys one document).
    /// </summary>
    private static async Task<byte[]> SaltOf(IDocumentSession session, StreamAction stream, Dictionary<Guid, byte[]> salts,
        CancellationToken token)
    {
        if (!salts.TryGetValue(stream.Id, out var salt))
        {
            salt = stream.ActionType == StreamActionType.Start ? null : (await session.LoadAsync<PersonalSalt>(stream.Id, token))?.Salt;
            if (salt is null)
            {
                salt = RandomNumberGenerator.GetBytes(32);
                session.Store(new PersonalSalt(stream.Id, salt));
            }

            salts[stream.Id] = salt;
        }

        return salt;
    }

    /// <summary>Each stream's seal to follow: the genesis for a new one, else its last event's — all read in one query.</summary>
    private static async Task<Dictionary<Guid, string>> PreviousSeals(IDocumentSession session, IReadOnlyList<StreamAction> streams,
        CancellationToken token)
    {
        var heads = new Dictionary<Guid, string>();
        var after = new List<(Guid Stream, long Version)>();
        foreach (var stream in streams)
        {
            if (stream.ActionType == StreamActionType.Start || stream.ExpectedVersionOnServer == 0)
            {
                heads[stream.Id] = Seals.Genesis;
            }
            else if (stream.ExpectedVersionOnServer is { } version)
            {
                after.Add((stream.Id, version));
            }
            else
            {
                throw new InvalidOperationException(
                    $"Events appended to stream {stream.Id} without its version cannot be sealed: fetch the stream for writing first.");
            }
        }

        if (after.Count > 0)
        {
            var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
            var found = await session.AdvancedSql.QueryAsync<Head>(
                $"select row_to_json(x) from (select e.stream_id as \"Stream\", coalesce(e.headers ->> '{Seals.Header}', '') as \"Seal\" "
                + $"from unnest(?::uuid[], ?::bigint[]) h(stream, version) join {schema}.mt_events e "
                + "on e.stream_id = h.stream and e.version = h.version) x",
                token, after.Select(a => a.Stream).ToArray(), after.Select(a => a.Version).ToArray());
            foreach (var head in found)
            {
                heads[head.Stream] = head.Seal;
            }

            if (after.FirstOrDefault(a => !heads.ContainsKey(a.Stream)) is { Stream: var missing, Version: var at } && missing != Guid.Empty)
            {
                throw new InvalidOperationException($"Stream {missing} has no event {at} to follow.");
            }
        }

        return heads;
    }

    private sealed record Head(Guid Stream, string Seal);
}
