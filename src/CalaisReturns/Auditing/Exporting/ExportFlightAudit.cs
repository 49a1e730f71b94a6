using System.Text;
using System.Text.Json;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Core.Http;
using CalaisReturns.Flights;

namespace CalaisReturns.Auditing.Exporting;

/// <summary>One line of an audit export: the exact text that was sealed, its seal as stored, and whether they match.</summary>
public sealed record ExportLine(string Hash, string Payload, bool Sealed);

/// <summary>
/// One flight's events as JSON Lines, each with the sealed payload (previous seal, metadata, data) and the seal
/// stored with the event, so that an auditor holding the seal key can re-check the chain offline:
/// HMAC-SHA-256(key, payload) = hash, and each payload's "previous" = the hash of the line before (the first: 64
/// zeros). The last hash matches the flight's head in a signed checkpoint.
/// </summary>
public static class ExportFlightAuditEndpoint
{
    public static IEnumerable<ExportLine> Lines(IReadOnlyList<JasperFx.Events.IEvent> events, Sealer sealer)
    {
        var previous = Seals.Genesis;
        foreach (var e in events)
        {
            var payload = Seals.Payload(e, previous).ToJsonString();
            var seal = Seals.Of(e) ?? "";
            yield return new ExportLine(seal, payload, sealer.Mac(payload) == seal);
            previous = seal;
        }
    }

    [WolverineGet("/api/audit/flights/{flightId}/export", OperationId = "ExportFlightAudit",
        Summary = "The flight's events, metadata and hashes as JSON Lines, for offline verification")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    public static async Task<IResult> Get(Guid flightId, IQuerySession session, Sealer sealer, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(flightId, token: ct);
        if (events.FirstOrDefault()?.Data is not FlightPlanned)
        {
            return Problems.NotFound("Flight", flightId);
        }

        var text = string.Concat(Lines(events, sealer).Select(l => JsonSerializer.Serialize(l, JsonSerializerOptions.Web) + "\n"));
        return Results.File(Encoding.UTF8.GetBytes(text), "application/jsonl", $"flight-{flightId}.jsonl");
    }
}
