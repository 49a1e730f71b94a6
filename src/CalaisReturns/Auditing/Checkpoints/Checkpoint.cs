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

public static class CheckpointEndpoint
{
    [WolverineGet("/api/audit/checkpoint", OperationId = "GetCheckpoint",
        Summary = "A signed checkpoint of every stream's chain head, to keep outside the system")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    [ProducesResponseType<SignedCheckpoint>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, CheckpointSigner signer, TimeProvider clock,
        CancellationToken ct)
    {
        var chains = await session.Query<StreamSeals>().OrderBy(s => s.Id).ToListAsync(ct);
        var heads = chains.Where(c => c.Links.Count > 0)
            .Select(c => new ChainHead(c.Id, c.Links[^1].Version, c.Links[^1].Hash)).ToList();
        return Results.Ok(signer.Sign(new CheckpointPayload(clock.GetUtcNow(), heads)));
    }
}
