using Microsoft.IdentityModel.JsonWebTokens;

namespace CalaisReturns.Core.Identity;

/// <summary>
/// What a validly signed token must also be before anyone acts on it: one subject, exactly one known role and one
/// known state (an array of roles must not pass one policy and be recorded as another), issued no later than now,
/// and lasting no longer than <see cref="AuthSettings.MaxTokenLifetime"/>.
/// </summary>
public static class TokenRules
{
    /// <summary>The text key of why the token is refused, or null if it is acceptable.</summary>
    public static string? Refusal(ClaimsPrincipal user, DateTimeOffset? issuedAt, DateTimeOffset? notBefore, DateTimeOffset expires,
        DateTimeOffset now, TimeSpan maxLifetime, TimeSpan skew)
    {
        if (Actor.TryFrom(user) is null)
        {
            return "Problem.Unauthenticated.Claims";
        }

        if (issuedAt > now + skew)
        {
            return "Problem.Unauthenticated.Future";
        }

        var from = issuedAt ?? notBefore ?? now;
        return expires - from > maxLifetime ? "Problem.Unauthenticated.TooLong" : null;
    }

    public static string? Refusal(ClaimsPrincipal user, JsonWebToken token, DateTimeOffset now, TimeSpan maxLifetime, TimeSpan skew) =>
        Refusal(user, token.IssuedAt == DateTime.MinValue ? null : new DateTimeOffset(token.IssuedAt, TimeSpan.Zero),
            token.ValidFrom == DateTime.MinValue ? null : new DateTimeOffset(token.ValidFrom, TimeSpan.Zero),
            new DateTimeOffset(token.ValidTo, TimeSpan.Zero), now, maxLifetime, skew);
}
