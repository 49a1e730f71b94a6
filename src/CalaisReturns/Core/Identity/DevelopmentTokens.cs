using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CalaisReturns.Core.Identity;

/// <summary>Signs tokens with the configured symmetric key: for local use and tests only.</summary>
public static class DevelopmentTokens
{
    public static string Issue(AuthSettings settings, Actor actor, DateTimeOffset now, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(Claims.Subject, actor.Id),
                new Claim(Claims.Name, actor.Name),
                new Claim(Claims.Role, actor.Role.ToString()),
                new Claim(Claims.State, actor.State.ToString()),
            ]),
            SigningCredentials = new SigningCredentials(
                settings.SymmetricKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured."),
                SecurityAlgorithms.HmacSha256),
        });
}
