
namespace CalaisReturns.Core.Identity;

public enum Role
{
    Planner,
    Finance,
    Auditor,
    Admin,
}

/// <summary>The claims a token carries, named as in the JWT.</summary>
public static class Claims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string State = "state";
}

/// <summary>The person making a request: who, in which role, for which state.</summary>
public sealed record Actor(string Id, string Name, Role Role, State State)
{
    /// <summary>
    /// Reads the actor from an authenticated principal. Every endpoint's policy has already required
    /// the role and state claims, so their absence here is a programming error.
    /// </summary>
    public static Actor From(ClaimsPrincipal user) =>
        TryFrom(user) ?? throw new InvalidOperationException("The request has no authenticated actor.");

    public static Actor? TryFrom(ClaimsPrincipal user) =>
        user.FindFirst(Claims.Subject)?.Value is { Length: > 0 } id
        && Enum.TryParse<Role>(user.FindFirst(Claims.Role)?.Value, out var role)
        && Enum.TryParse<State>(user.FindFirst(Claims.State)?.Value, out var state)
            ? new Actor(id, user.FindFirst(Claims.Name)?.Value ?? id, role, state)
            : null;

    public bool IsPlannerOf(State state) => Role == Role.Planner && State == state;
}
