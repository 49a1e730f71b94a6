using System.Text;
using System.Text.Json;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights;

namespace CalaisReturns.Auditing.Exporting;

/// <summary>One line of an audit export: the exact text that was hashed, and its hash.</summary>
public sealed record ExportLine(string Hash, string Payload, bool Sealed);

/// <summary>
/// One flight's events as JSON Lines, each with the sealed payload (previous hash, metadata, data)
/// and its SHA-256, so an auditor can re-check the chain offline: sha256(payload) = hash, and each
/// payload's "previous" = the hash of the line before (the first: 64 zeros). The last hash matches
/// the flight's head in a signed checkpoint.
/// </summary>
public static class ExportFlightAuditEndpoint
{
    public static IEnumerable<ExportLine> Lines(IReadOnlyList<JasperFx.Events.IEvent> events, StreamSeals? seals)
    {
        var previous = Seals.Genesis;
        foreach (var e in events)
        {
            var link = seals?.Links.FirstOrDefault(l => l.Version == e.Version);
            var personal = link?.Personal ?? Seals.PersonalDigest(e);
            var payload = Seals.Payload(e, previous, personal).ToJsonString();
            var hash = Seals.HashOf(payload);
            yield return new ExportLine(hash, payload, link?.Hash == hash);
            previous = hash;
        }
    }

    [WolverineGet("/api/audit/flights/{flightId}/export", OperationId = "ExportFlightAudit",
        Summary = "The flight's events, metadata and hashes as JSON Lines, for offline verification")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    public static async Task<IResult> Get(Guid flightId, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(flightId, token: ct);
        if (events.FirstOrDefault()?.Data is not FlightPlanned)
        {
            return Problems.NotFound("Flight", flightId);
        }

        var seals = await session.LoadAsync<StreamSeals>(flightId, ct);
        var text = string.Concat(Lines(events, seals).Select(l => JsonSerializer.Serialize(l, JsonSerializerOptions.Web) + "\n"));
        return Results.File(Encoding.UTF8.GetBytes(text), "application/jsonl", $"flight-{flightId}.jsonl");
    }
}
