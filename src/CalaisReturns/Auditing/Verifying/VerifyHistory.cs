using System.Text.Json;
using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Auditing.Sealing;
using JasperFx.CommandLine;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Auditing.Verifying;

/// <param name="Full">Whether the whole store was re-walked, rather than what was appended since the last verification.</param>
/// <param name="Streams">The streams whose heads are known to verification.</param>
/// <param name="EventsVerified">The events checked by this call.</param>
/// <param name="Position">The last event (by sequence) verification has reached.</param>
/// <param name="Broken">Every broken stream, at its first break.</param>
public sealed record VerificationResult(bool Intact, bool Full, int Streams, long EventsVerified, long Position,
    IReadOnlyList<BrokenStream> Broken);

/// <summary>
/// How far verification has got: the last sequence checked, each stream's head, and the streams found broken (they
/// stay reported until a full run finds them whole). Its own MAC under the seal key keeps it from being moved on by
/// hand; a mark that fails it is ignored, and the next run is a full one.
/// </summary>
public sealed class VerificationMark
{
    public const string Key = "history";

    public string Id { get; set; } = Key;
    public long Sequence { get; set; }
    public Dictionary<Guid, StreamHead> Heads { get; set; } = [];
    public List<BrokenStream> Broken { get; set; } = [];
    public string Mac { get; set; } = "";

    public string Content() => JsonSerializer.Serialize(new
    {
        Sequence,
        Heads = Heads.OrderBy(h => h.Key).Select(h => new { h.Key, h.Value.Version, h.Value.Seal }),
        Broken = Broken.OrderBy(b => b.StreamId).Select(b => new { b.StreamId, b.Version, b.Kind, b.Type, b.Other }),
    });
}

public static class VerifyHistoryEndpoint
{
    private const int PageSize = 1_000;

    private static readonly System.Diagnostics.Metrics.Counter<long> SealsVerified =
        Core.Telemetry.Telemetry.Meter.CreateCounter<long>("calais.seals.verified", "{event}",
            "Events whose seal a verification checked, by the verification's result");

    /// <summary>
    /// Checks what was appended since the last verification (or everything, when <paramref name="full"/> or when no
    /// trustworthy mark exists) against the seals, then that no stream verified before — nor any stream of the last
    /// signed checkpoint — has lost its head: a stream cut short or deleted whole. Every broken stream is reported.
    /// </summary>
    public static async Task<VerificationResult> RunAsync(IDocumentStore store, Sealer sealer, CheckpointSigner signer, bool full,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<VerificationMark>(VerificationMark.Key, ct);
        var trusted = stored is not null && sealer.Mac(stored.Content()) == stored.Mac ? stored : null;
        full |= trusted is null;
        var mark = full ? new VerificationMark() : trusted!;
        var broken = mark.Broken.ToDictionary(b => b.StreamId);
        long verified = 0;
        while (true)
        {
            var page = await Page(session, mark.Sequence, ct);
            if (page.Count == 0)
            {
                break;
            }

            verified += await Check(session, sealer, mark, broken, page, ct);
            mark.Sequence = page[^1].Sequence;
        }

        // Heads verified before (on an incremental run, this mark's; on a full one, the previous trusted mark's too)
        // and those of the last signed checkpoint must still be there.
        var expected = new Dictionary<Guid, StreamHead>(trusted?.Heads ?? []);
        foreach (var head in await CheckpointEndpoint.LastHeads(session, signer, ct))
        {
            expected.TryAdd(head.Stream, new StreamHead(head.Version, head.Hash));
        }

        foreach (var shortened in await Shortened(session, expected, ct))
        {
            broken.TryAdd(shortened.StreamId, shortened);
        }

        mark.Broken = [.. broken.Values.OrderBy(b => b.StreamId)];
        mark.Mac = sealer.Mac(mark.Content());
        session.Store(mark);
        await session.SaveChangesAsync(ct);
        SealsVerified.Add(verified, new KeyValuePair<string, object?>("result", mark.Broken.Count == 0 ? "intact" : "broken"));
        return new VerificationResult(mark.Broken.Count == 0, full, mark.Heads.Count, verified, mark.Sequence, mark.Broken);
    }

    /// <summary>The next events by sequence; an event that no longer even deserialises is read as a placeholder.</summary>
    private static async Task<IReadOnlyList<IEvent>> Page(IDocumentSession session, long after, CancellationToken ct)
    {
        try
        {
            return await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                .Take(PageSize).ToListAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One page at a time, one event at a time, to find the unreadable ones.
            var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
            var rows = await session.AdvancedSql.QueryAsync<long>(
                $"select seq_id from {schema}.mt_events where seq_id > ? order by seq_id limit {PageSize}", ct, after);
            var events = new List<IEvent>();
            foreach (var sequence in rows)
            {
                events.Add(await Single(session, sequence, ct));
            }

            return events;
        }
    }

    private static async Task<IEvent> Single(IDocumentSession session, long sequence, CancellationToken ct)
    {
        try
        {
            return (await session.Events.QueryAllRawEvents().Where(e => e.Sequence == sequence).ToListAsync(ct)).Single();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
            var row = (await session.AdvancedSql.QueryAsync<Unreadable>(
                $"select row_to_json(x) from (select stream_id as \"StreamId\", version as \"Version\", seq_id as \"Sequence\", "
                + $"type as \"Type\" from {schema}.mt_events where seq_id = ?) x", ct, sequence)).Single();
            return new Event<Unreadable>(row) { StreamId = row.StreamId, Version = row.Version, Sequence = row.Sequence, EventTypeName = row.Type };
        }
    }

    /// <summary>An event that cannot be read any more, standing in its place.</summary>
    public sealed record Unreadable(Guid StreamId, long Version, long Sequence, string Type);

    private static async Task<long> Check(IDocumentSession session, Sealer sealer, VerificationMark mark,
        Dictionary<Guid, BrokenStream> broken, IReadOnlyList<IEvent> page, CancellationToken ct)
    {
        var streams = page.GroupBy(e => e.StreamId).ToList();
        var salts = (await session.LoadManyAsync<PersonalSalt>(ct, [.. streams.Select(s => s.Key)])).ToDictionary(s => s.Id, s => s.Salt);
        long verified = 0;
        foreach (var stream in streams.Where(s => !broken.ContainsKey(s.Key)))
        {
            var events = stream.OrderBy(e => e.Version).ToList();
            if (events.FirstOrDefault(e => e.Data is Unreadable) is { } unreadable)
            {
                broken[stream.Key] = new BrokenStream(stream.Key, unreadable.Version, BreakKind.Unreadable, unreadable.EventTypeName);
                continue;
            }

            var check = HistoryVerification.Check(stream.Key, mark.Heads.GetValueOrDefault(stream.Key), events, sealer,
                salts.GetValueOrDefault(stream.Key));
            verified += check.Verified;
            if (check.Head is { } head)
            {
                mark.Heads[stream.Key] = head;
            }

            if (check.Broken is { } found)
            {
                broken[stream.Key] = found;
            }
        }

        return verified;
    }

    /// <summary>
    /// The streams whose expected head is gone — cut short, or deleted whole — or is no longer the event that was
    /// verified or checkpointed: one look-up per known stream, however long its history.
    /// </summary>
    private static async Task<IEnumerable<BrokenStream>> Shortened(IDocumentSession session, IReadOnlyDictionary<Guid, StreamHead> expected,
        CancellationToken ct)
    {
        if (expected.Count == 0)
        {
            return [];
        }

        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var stored = (await session.AdvancedSql.QueryAsync<StreamEnd>(
                $"select row_to_json(x) from (select h.stream as \"StreamId\", h.version as \"Version\", "
                + $"coalesce(e.headers ->> '{Seals.Header}', '') as \"Seal\" from unnest(?::uuid[], ?::bigint[]) h(stream, version) "
                + $"join {schema}.mt_events e on e.stream_id = h.stream and e.version = h.version) x", ct,
                expected.Keys.ToArray(), expected.Values.Select(h => h.Version).ToArray()))
            .ToDictionary(s => s.StreamId);
        var replaced = expected.Where(h => stored.TryGetValue(h.Key, out var now) && now.Seal != h.Value.Seal)
            .Select(h => new BrokenStream(h.Key, h.Value.Version, BreakKind.Altered));
        var behind = expected.Where(h => !stored.ContainsKey(h.Key)).ToList();
        if (behind.Count == 0)
        {
            return replaced;
        }

        var last = (await session.AdvancedSql.QueryAsync<StreamEnd>(
                $"select row_to_json(x) from (select stream_id as \"StreamId\", max(version) as \"Version\" from {schema}.mt_events "
                + "where stream_id = any(?) group by stream_id) x", ct, behind.Select(h => h.Key).ToArray()))
            .ToDictionary(s => s.StreamId, s => s.Version);
        return replaced.Concat(behind.Select(h => HistoryVerification.Shortened(h.Key, h.Value, last.TryGetValue(h.Key, out var v) ? v : null)));
    }

    private sealed record StreamEnd(Guid StreamId, long Version, string? Seal = null);

    [WolverineGet("/api/audit/verify", OperationId = "VerifyHistory",
        Summary = "Check the events appended since the last verification (full=true: every event) against their seals; name every broken stream")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    [ProducesResponseType<VerificationResult>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(bool? full, IDocumentStore store, Sealer sealer, CheckpointSigner signer,
        CancellationToken ct) =>
        Results.Ok(await RunAsync(store, sealer, signer, full == true, ct));
}

/// <summary><c>dotnet run --project src/CalaisReturns -- audit-verify</c>: re-walks every event; exit code 1 if any stream is broken.</summary>
[Description("Verify that no stored event was forged, altered, removed or reordered", Name = "audit-verify")]
public sealed class AuditVerifyCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var result = await VerifyHistoryEndpoint.RunAsync(host.Services.GetRequiredService<IDocumentStore>(),
            host.Services.GetRequiredService<Sealer>(), host.Services.GetRequiredService<CheckpointSigner>(), full: true,
            CancellationToken.None);
        Console.WriteLine(result.Intact
            ? $"Intact: {result.EventsVerified} events in {result.Streams} streams verified."
            : string.Join("\n", result.Broken.Select(b => $"BROKEN: stream {b.StreamId}, version {b.Version}: {b.Problem}")));
        return result.Intact;
    }
}
