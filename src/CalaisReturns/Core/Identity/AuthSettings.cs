using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CalaisReturns.Core.Identity;

/// <summary>
/// The <c>Auth</c> configuration section. Production points <see cref="Authority"/> at the
/// department's identity provider (OpenID Connect discovery supplies its signing keys); without an
/// authority, tokens are checked against the symmetric <see cref="SigningKey"/>.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>The published, therefore insecure, key that development tokens are signed with.</summary>
    public const string DevelopmentKey = "calais-returns-development-signing-key-never-use-in-production";

    public string Issuer { get; set; } = "calais-returns";

    public string Audience { get; set; } = "calais-returns-api";

    public string? Authority { get; set; }

    public string? SigningKey { get; set; }

    /// <summary>The longest a token may last from its issue to its expiry; a longer one is refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public bool UsesDevelopmentKey => Authority is null && SigningKey == DevelopmentKey;

    public SymmetricSecurityKey? SymmetricKey =>
        SigningKey is { Length: > 0 } key ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) : null;
}
