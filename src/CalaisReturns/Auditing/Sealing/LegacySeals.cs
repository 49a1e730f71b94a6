using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CalaisReturns.Cases;
using JasperFx.CommandLine;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Sealing;

/// <summary>
/// Stores sealed before seals were made at append kept a SHA-256 chain per stream, written seconds later by a
/// subscription, in the document table <c>mt_doc_streamseals</c>. <c>audit-seal-legacy</c> brings such a store over
/// once: every event that old chain still vouches for is sealed the new way, in stream order, with a fresh salted
/// digest of its personal data or, if masked, the version of the erasure that masked it. An event the old chain does
/// not vouch for — changed since, or appended after the chain's last link — is left unsealed with every later event
/// of its stream, so that verification names it.
/// </summary>
public static class LegacySeals
{
    public sealed record Link(long Version, string Hash, string? Personal);

    public sealed record Chain(Guid Id, List<Link> Links);

    public sealed record Outcome(int Streams, int Sealed, int LeftUnsealed);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The old seal: SHA-256 of the old payload (no causation; the personal digest unsalted, in the payload).</summary>
    public static string OldHash(IEvent e, string previous, string? personal) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["previous"] = previous,
            ["stream"] = e.StreamId.ToString(),
            ["version"] = e.Version,
            ["type"] = e.EventTypeName,
            ["timestamp"] = e.Timestamp.UtcDateTime.ToString("O"),
            ["user"] = e.UserName,
            ["correlation"] = e.CorrelationId,
            ["headers"] = new JsonObject((e.Headers ?? new Dictionary<string, object>())
                .Where(h => h.Key != Seals.ErasedHeader)
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value.ToString())))),
            ["data"] = JsonSerializer.SerializeToNode(e.Data is CaseOpened opened ? opened with { FullName = null, DateOfBirth = null } : e.Data,
                e.Data.GetType(), Json),
            ["personal"] = personal,
        }.ToJsonString())));

    /// <summary>The old, unsalted digest of a case's name and date of birth.</summary>
    public static string? OldDigest(object data) => data is CaseOpened { FullName: { } name } opened
        ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}|{opened.DateOfBirth:yyyy-MM-dd}")))
        : null;

    public static async Task<Outcome> MigrateAsync(IDocumentStore store, Sealer sealer, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var query = store.QuerySession();
        if (!(await query.AdvancedSql.QueryAsync<bool>($"select to_regclass('{schema}.mt_doc_streamseals') is not null", ct)).Single())
        {
            return new Outcome(0, 0, 0);
        }

        var (streams, sealedEvents, left) = (0, 0, 0);
        foreach (var chain in await query.AdvancedSql.QueryAsync<Chain>($"select data from {schema}.mt_doc_streamseals", ct))
        {
            await using var session = store.LightweightSession();
            var events = await session.Events.FetchStreamAsync(chain.Id, token: ct);
            if (events.Count == 0 || events.Any(e => Seals.Of(e) is not null))
            {
                continue;
            }

            var done = Reseal(session, sealer, schema, chain, events);
            await session.SaveChangesAsync(ct);
            (streams, sealedEvents, left) = (streams + 1, sealedEvents + done, left + events.Count - done);
        }

        return new Outcome(streams, sealedEvents, left);
    }

    /// <summary>Seals the events the old chain vouches for, from the first; answers how many.</summary>
    private static int Reseal(IDocumentSession session, Sealer sealer, string schema, Chain chain, IReadOnlyList<IEvent> events)
    {
        var erasures = events.Where(e => e.Data is PersonalDataErased).Select(e => e.Version).ToList();
        var (oldPrevious, previous) = (Seals.Genesis, Seals.Genesis);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var link = i < chain.Links.Count ? chain.Links[i] : null;
            var masked = Seals.ErasedBy(e) is not null;
            var personal = masked ? link?.Personal : OldDigest(e.Data);
            if (link is null || link.Version != e.Version || personal != link.Personal || OldHash(e, oldPrevious, personal) != link.Hash)
            {
                return i;
            }

            oldPrevious = link.Hash;
            var added = new Dictionary<string, string>();
            if (masked)
            {
                added[Seals.ErasedHeader] = erasures.FirstOrDefault(v => v > e.Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (e.Data is CaseOpened { FullName: not null })
            {
                var salt = RandomNumberGenerator.GetBytes(32);
                session.Store(new PersonalSalt(chain.Id, salt));
                added[Seals.PersonalHeader] = Seals.PersonalDigest(salt, e.Data)!;
            }

            foreach (var (name, value) in added)
            {
                e.SetHeader(name, value);
            }

            added[Seals.Header] = previous = sealer.Seal(e, previous);
            session.QueueSqlCommand($"update {schema}.mt_events set headers = coalesce(headers, '{{}}'::jsonb) || ?::jsonb where seq_id = ?",
                JsonSerializer.Serialize(added), e.Sequence);
        }

        return events.Count;
    }
}

/// <summary><c>dotnet run --project src/CalaisReturns -- audit-seal-legacy</c>: exit code 1 if any event stays unsealed.</summary>
[Description("Once, after upgrading a store sealed by the old subscription: seal the events its chains still vouch for", Name = "audit-seal-legacy")]
public sealed class AuditSealLegacyCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var outcome = await LegacySeals.MigrateAsync(host.Services.GetRequiredService<IDocumentStore>(),
            host.Services.GetRequiredService<Sealer>(), CancellationToken.None);
        Console.WriteLine($"Sealed {outcome.Sealed} events of {outcome.Streams} streams; {outcome.LeftUnsealed} left unsealed "
            + "(changed since the old chain sealed them, or appended after it): verification names them.");
        return outcome.LeftUnsealed == 0;
    }
}
