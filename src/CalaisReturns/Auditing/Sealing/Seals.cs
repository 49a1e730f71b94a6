using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CalaisReturns.Cases;
using CalaisReturns.Cases.Erasing;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Sealing;

/// <summary>One link of a stream's chain: the event's version, its hash, and the digest of its personal part.</summary>
public sealed record SealLink(long Version, string Hash, string? Personal);

/// <summary>The hash chain of one stream, kept by the <see cref="SealingSubscription"/>.</summary>
public sealed class StreamSeals
{
    public Guid Id { get; set; }
    public List<SealLink> Links { get; set; } = [];

    public string Head => Links.Count == 0 ? Seals.Genesis : Links[^1].Hash;
}

/// <summary>
/// Tamper evidence. Each event is sealed by SHA-256 over a canonical JSON payload: the previous
/// link's hash, stream, version, type, timestamp, user, correlation id, headers and the event data
/// without personal data, plus the SHA-256 digest of the personal part (a case's name and date of
/// birth). Erasure masks the personal part in place; the payload then uses the digest recorded when
/// the event was sealed, so the chain still proves every other field unchanged and explains the
/// masking. The payload is what the audit export writes, so anyone can recompute it offline.
/// </summary>
public static class Seals
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static JsonObject Payload(IEvent e, string previous, string? personal) => new()
    {
        ["previous"] = previous,
        ["stream"] = e.StreamId.ToString(),
        ["version"] = e.Version,
        ["type"] = e.EventTypeName,
        ["timestamp"] = e.Timestamp.UtcDateTime.ToString("O"),
        ["user"] = e.UserName,
        ["correlation"] = e.CorrelationId,
        ["headers"] = new JsonObject((e.Headers ?? new Dictionary<string, object>())
            .Where(h => h.Key != MaskErasedPersonalDataHandler.Header)
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value.ToString())))),
        ["data"] = JsonSerializer.SerializeToNode(WithoutPersonalData(e.Data), e.Data.GetType(), Json),
        ["personal"] = personal,
    };

    public static string Hash(JsonObject payload) => HashOf(payload.ToJsonString());

    /// <summary>SHA-256 of the payload's compact JSON text, lower-case hex: what an auditor recomputes offline.</summary>
    public static string HashOf(string payloadText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payloadText)));

    /// <summary>The digest of the event's personal part, or null if it has none; null too once it is masked.</summary>
    public static string? PersonalDigest(IEvent e) =>
        e.Data is CaseOpened { FullName: { } name } opened && !IsMasked(e)
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}|{opened.DateOfBirth:yyyy-MM-dd}")))
            : null;

    public static bool IsMasked(IEvent e) => e.Headers?.ContainsKey(MaskErasedPersonalDataHandler.Header) == true;

    /// <summary>Seals an event onto a chain.</summary>
    public static SealLink Seal(IEvent e, string previous)
    {
        var personal = PersonalDigest(e);
        return new SealLink(e.Version, Hash(Payload(e, previous, personal)), personal);
    }

    private static object WithoutPersonalData(object data) =>
        data is CaseOpened opened ? opened with { FullName = null, DateOfBirth = null } : data;
}
