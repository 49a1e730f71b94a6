using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CalaisReturns.Auditing.Sealing;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Auditing.Checkpoints;

public sealed record ChainHead(Guid Stream, long Version, string Hash);

/// <summary>What is signed: the instant and every stream's chain head, in stream-id order.</summary>
public sealed record CheckpointPayload(DateTimeOffset TakenAt, IReadOnlyList<ChainHead> Heads);

/// <param name="Payload">The exact text that was signed (UTF-8).</param>
/// <param name="Signature">ECDSA P-256 over SHA-256 of the payload, DER encoded, base64.</param>
public sealed record SignedCheckpoint(string Payload, string Signature, string PublicKey);

/// <summary>
/// The signing key for checkpoints (<c>Audit:CheckpointKey</c>, an EC P-256 private key in PKCS#8 PEM).
/// Auditors keep checkpoints outside the system and check them with the public key alone.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa key = ECDsa.Create();

    public CheckpointSigner(IConfiguration configuration) =>
        key.ImportFromPem(configuration["Audit:CheckpointKey"]
            ?? throw new InvalidOperationException("Audit:CheckpointKey (an EC P-256 private key, PKCS#8 PEM) is not configured."));

    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    public SignedCheckpoint Sign(CheckpointPayload payload)
    {
        var text = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedCheckpoint(text, Convert.ToBase64String(signature), PublicKeyPem);
    }

    public bool Verify(SignedCheckpoint checkpoint) =>
        key.VerifyData(Encoding.UTF8.GetBytes(checkpoint.Payload), Convert.FromBase64String(checkpoint.Signature),
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose() => key.Dispose();
}

/// <summary>A checkpoint as it was handed out, kept so that verification can tell a stream deleted whole since.</summary>
public sealed class StoredCheckpoint
{
    public string Id { get; set; } = "";
    public DateTimeOffset TakenAt { get; set; }
    public SignedCheckpoint Checkpoint { get; set; } = null!;
}

public static class CheckpointEndpoint
{
    /// <summary>Every stream's last event and its seal, in stream-id order.</summary>
    public static async Task<IReadOnlyList<ChainHead>> Heads(IQuerySession session, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        return await session.AdvancedSql.QueryAsync<ChainHead>(
            $"select row_to_json(x) from (select s.id as \"Stream\", e.version as \"Version\", "
            + $"coalesce(e.headers ->> '{Seals.Header}', '') as \"Hash\" from {schema}.mt_streams s "
            + $"join {schema}.mt_events e on e.stream_id = s.id and e.version = s.version order by s.id) x", ct);
    }

    /// <summary>The heads of the last checkpoint handed out, if its signature still holds (else none are trusted).</summary>
    public static async Task<IReadOnlyList<ChainHead>> LastHeads(IQuerySession session, CheckpointSigner signer, CancellationToken ct)
    {
        var last = await session.Query<StoredCheckpoint>().OrderByDescending(c => c.TakenAt).FirstOrDefaultAsync(ct);
        return last is not null && signer.Verify(last.Checkpoint)
            ? JsonSerializer.Deserialize<CheckpointPayload>(last.Checkpoint.Payload, JsonSerializerOptions.Web)!.Heads
            : [];
    }

    [WolverineGet("/api/audit/checkpoint", OperationId = "GetCheckpoint",
        Summary = "A signed checkpoint of every stream's chain head, to keep outside the system")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    [ProducesResponseType<SignedCheckpoint>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IDocumentSession session, CheckpointSigner signer, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var checkpoint = signer.Sign(new CheckpointPayload(now, await Heads(session, ct)));
        session.Store(new StoredCheckpoint { Id = $"{now:yyyyMMddHHmmssfffffff}", TakenAt = now, Checkpoint = checkpoint });
        await session.SaveChangesAsync(ct);
        return Results.Ok(checkpoint);
    }
}
