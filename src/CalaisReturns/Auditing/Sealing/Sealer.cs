using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;

namespace CalaisReturns.Auditing.Sealing;

/// <summary>
/// Seals events with the key of <c>Audit:SealKey</c> (at least 32 bytes, base64): a secret kept outside the
/// database, so that someone who can write to the database cannot make a forged or edited event verify. Development
/// uses a published key; a production host refuses to start with it, as with the token signing key.
/// </summary>
public sealed class Sealer
{
    /// <summary>The published, therefore insecure, development key.</summary>
    public const string DevelopmentKey = "Y2FsYWlzLXJldHVybnMtZGV2ZWxvcG1lbnQtc2VhbC1rZXktbm90LWZvci1wcm9kdWN0aW9u";

    private readonly byte[] key;

    public Sealer(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Audit:SealKey must be at least 32 bytes (base64).");
        }

        this.key = key;
    }

    public static Sealer From(IConfiguration configuration, bool production)
    {
        var configured = configuration["Audit:SealKey"]
            ?? throw new InvalidOperationException("Audit:SealKey (at least 32 random bytes, base64) is not configured.");
        if (production && configured == DevelopmentKey)
        {
            throw new InvalidOperationException("Audit:SealKey is the published development key; configure a secret key in production.");
        }

        return new Sealer(Convert.FromBase64String(configured));
    }

    public string Seal(IEvent e, string previous, long? version = null, IEvent? from = null) =>
        Mac(Seals.Payload(e, previous, version, from).ToJsonString());

    /// <summary>HMAC-SHA-256 of a text under the key, lower-case hex.</summary>
    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
}
