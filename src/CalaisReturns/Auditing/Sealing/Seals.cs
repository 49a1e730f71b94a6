using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CalaisReturns.Cases;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Sealing;

/// <summary>
/// Tamper evidence. Every event is sealed in the transaction that appends it (<see cref="SealingListener"/>) by an
/// HMAC-SHA-256, under a key the database does not hold (<see cref="Sealer"/>), over a canonical JSON payload: the
/// previous event's seal in its stream, stream, version, type, timestamp, user, correlation and causation ids, headers
/// and the event's data without personal data. The seal is stored with the event (header <see cref="Header"/>).
/// Personal data (a case's name and date of birth, an officer's name, an incident's or complaint's text: every
/// <see cref="IHoldsPersonalData"/> event) is sealed through a digest salted per stream (header <see cref="PersonalHeader"/>;
/// the salt is a document of its own, <see cref="PersonalSalt"/>, destroyed at erasure), so that once erased nobody can
/// confirm a guess. Erasure masks the two fields in place and marks the event with the version of the erasure event
/// (<see cref="ErasedHeader"/>); verification accepts a masked event only where that sealed erasure event is in the
/// stream and exactly the personal fields are masked.
/// </summary>
public static class Seals
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The event's seal: HMAC-SHA-256 of its payload, lower-case hex.</summary>
    public const string Header = "seal";

    /// <summary>SHA-256 of the stream's salt and an event's personal fields, sealed with an <see cref="IHoldsPersonalData"/> event.</summary>
    public const string PersonalHeader = "personal-digest";

    /// <summary>On a masked event: the version of the erasure event (<see cref="IErasesPersonalData"/>) that masked it.</summary>
    public const string ErasedHeader = "personal-data-erased";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <param name="version">Another version than the event's, to ask whether it was sealed in another place.</param>
    /// <param name="from">Another event whose type and data to put in this one's place (the same question).</param>
    public static JsonObject Payload(IEvent e, string previous, long? version = null, IEvent? from = null) => new()
    {
        ["previous"] = previous,
        ["stream"] = e.StreamId.ToString(),
        ["version"] = version ?? e.Version,
        ["type"] = (from ?? e).EventTypeName,
        // PostgreSQL keeps microseconds: the payload is the same before the event is stored and after.
        ["timestamp"] = new DateTimeOffset(e.Timestamp.UtcTicks - e.Timestamp.UtcTicks % 10, TimeSpan.Zero).ToString("O"),
        ["user"] = e.UserName,
        ["correlation"] = e.CorrelationId,
        ["causation"] = e.CausationId,
        ["headers"] = new JsonObject((e.Headers ?? new Dictionary<string, object>())
            .Where(h => h.Key is not (Header or ErasedHeader))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value?.ToString())))),
        ["data"] = JsonSerializer.SerializeToNode(WithoutPersonalData((from ?? e).Data), (from ?? e).Data.GetType(), Json),
    };

    /// <summary>The seal stored with the event, if it has one.</summary>
    public static string? Of(IEvent e) => HeaderValue(e, Header);

    /// <summary>The version of the erasure event that masked this one, if it is masked ("" if the mark names none).</summary>
    public static string? ErasedBy(IEvent e) => HeaderValue(e, ErasedHeader);

    public static string? PersonalDigestOf(IEvent e) => HeaderValue(e, PersonalHeader);

    /// <summary>The digest of an event's personal data under its stream's salt, or null where the event holds none.</summary>
    public static string? PersonalDigest(byte[] salt, object data) =>
        data is IHoldsPersonalData holder && holder.PersonalText() is { } text
            ? Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(text)]))
            : null;

    /// <summary>Whether the event's personal fields are masked (all gone), as an erasure leaves them.</summary>
    public static bool PersonalDataMasked(object data) => data is IHoldsPersonalData holder && holder.PersonalDataMasked();

    private static string? HeaderValue(IEvent e, string name) =>
        e.Headers?.TryGetValue(name, out var value) == true ? value?.ToString() : null;

    private static object WithoutPersonalData(object data) => data is IHoldsPersonalData holder ? holder.WithoutPersonalData() : data;
}

/// <summary>The salt of one stream's personal-data digests (a case, an officer, an incident, a complaint); deleted at erasure.</summary>
public sealed record PersonalSalt(Guid Id, byte[] Salt);
