
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

    /// <summary>The actor, if the principal names exactly one subject, one known role and one known state.</summary>
    public static Actor? TryFrom(ClaimsPrincipal user) =>
        user.FindAll(Claims.Subject).ToList() is [{ Value: { Length: > 0 } id }] && !string.IsNullOrWhiteSpace(id)
        && user.FindAll(Claims.Role).ToList() is [{ Value: var roleName }] && EnumNames.TryParse<Role>(roleName, ignoreCase: false, out var role)
        && user.FindAll(Claims.State).ToList() is [{ Value: var stateName }] && EnumNames.TryParse<State>(stateName, ignoreCase: false, out var state)
            ? new Actor(id, user.FindFirst(Claims.Name)?.Value ?? id, role, state)
            : null;

    public bool IsPlannerOf(State state) => Role == Role.Planner && State == state;
}
