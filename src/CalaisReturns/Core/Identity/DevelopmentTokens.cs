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
            Subject = new ClaimsIdentity(ClaimsOf(actor)),
            SigningCredentials = new SigningCredentials(
                settings.SymmetricKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured."),
                SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The claims of a token or a sign-in cookie for the actor.</summary>
    public static IEnumerable<Claim> ClaimsOf(Actor actor)
    {
        yield return new Claim(Claims.Subject, actor.Id);
        yield return new Claim(Claims.Name, actor.Name);
        yield return new Claim(Claims.Role, actor.Role.ToString());
        yield return new Claim(Claims.State, actor.State.ToString());
        if (actor.Organisation is { } organisation)
        {
            yield return new Claim(Claims.Organisation, organisation);
        }
    }
}
