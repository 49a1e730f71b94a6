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
        foreach (var stream in session.PendingChanges.Streams().Where(s => s.Events.Count > 0))
        {
            var previous = await PreviousSeal(session, stream, token);
            foreach (var e in stream.Events.OrderBy(e => e.Version))
            {
                if (e.Data is CaseOpened)
                {
                    var salt = RandomNumberGenerator.GetBytes(32);
                    session.Store(new PersonalSalt(stream.Id, salt));
                    if (Seals.PersonalDigest(salt, e.Data) is { } digest)
                    {
                        e.SetHeader(Seals.PersonalHeader, digest);
                    }
                }

                e.SetHeader(Seals.Header, previous = sealer.Seal(e, previous));
            }
        }
    }

    private static async Task<string> PreviousSeal(IDocumentSession session, StreamAction stream, CancellationToken token)
    {
        if (stream.ActionType == StreamActionType.Start)
        {
            return Seals.Genesis;
        }

        if (stream.ExpectedVersionOnServer is not { } version)
        {
            throw new InvalidOperationException(
                $"Events appended to stream {stream.Id} without its version cannot be sealed: fetch the stream for writing first.");
        }

        if (version == 0)
        {
            return Seals.Genesis;
        }

        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var seals = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(headers ->> '{Seals.Header}', '') from {schema}.mt_events where stream_id = ? and version = ?",
            token, stream.Id, version);
        return seals.SingleOrDefault()
            ?? throw new InvalidOperationException($"Stream {stream.Id} has no event {version} to follow.");
    }
}
