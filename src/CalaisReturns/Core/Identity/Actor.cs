
namespace CalaisReturns.Core.Identity;

public enum Role
{
    Planner,
    Finance,
    Auditor,
    Admin,

    /// <summary>An independent forced-return monitor: reads the flights its organisation is assigned to, writes its report.</summary>
    Monitor,

    /// <summary>The leader of a state's escort team on the day: records incidents on the flights their state takes part in.</summary>
    EscortLeader,
}

/// <summary>The claims a token carries, named as in the JWT.</summary>
public static class Claims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string State = "state";

    /// <summary>A monitor's organisation, as the lead planner named it on the flight (<c>MonitorAssigned</c>).</summary>
    public const string Organisation = "organisation";
}

/// <summary>The person making a request: who, in which role, for which state (and, for a monitor, which organisation).</summary>
public sealed record Actor(string Id, string Name, Role Role, State State, string? Organisation = null)
{
    /// <summary>
    /// Reads the actor from an authenticated principal. Every endpoint's policy has already required
    /// the role and state claims, so their absence here is a programming error.
    /// </summary>
    public static Actor From(ClaimsPrincipal user) =>
        TryFrom(user) ?? throw new InvalidOperationException("The request has no authenticated actor.");

    /// <summary>
    /// The actor, if the principal names exactly one subject, one known role and one known state, and, for a monitor,
    /// exactly one organisation (a monitor without one reads nothing).
    /// </summary>
    public static Actor? TryFrom(ClaimsPrincipal user) =>
        user.FindAll(Claims.Subject).ToList() is [{ Value: { Length: > 0 } id }] && !string.IsNullOrWhiteSpace(id)
        && user.FindAll(Claims.Role).ToList() is [{ Value: var roleName }] && EnumNames.TryParse<Role>(roleName, ignoreCase: false, out var role)
        && user.FindAll(Claims.State).ToList() is [{ Value: var stateName }] && EnumNames.TryParse<State>(stateName, ignoreCase: false, out var state)
        && OrganisationOf(user, role) is var (valid, organisation) && valid
            ? new Actor(id, user.FindFirst(Claims.Name)?.Value ?? id, role, state, organisation)
            : null;

    private static (bool Valid, string? Organisation) OrganisationOf(ClaimsPrincipal user, Role role) =>
        role != Role.Monitor ? (true, null)
        : user.FindAll(Claims.Organisation).ToList() is [{ Value: var name }] && !string.IsNullOrWhiteSpace(name) ? (true, name.Trim())
        : (false, null);

    /// <summary>A monitor of the organisation the flight's lead planner named.</summary>
    public bool MonitorsFor(string? organisation) =>
        Role == Role.Monitor && organisation is not null && string.Equals(Organisation, organisation, StringComparison.OrdinalIgnoreCase);

    /// <summary>A planner or escort leader of the state: those who record what happens on board.</summary>
    public bool IsCrewOf(State state) => Role is Role.Planner or Role.EscortLeader && State == state;

    public bool IsPlannerOf(State state) => Role == Role.Planner && State == state;

    /// <summary>Whether amounts of money are shown to this actor: finance, auditors and admins (<see cref="AccessPolicies.MoneyReader"/>).</summary>
    public bool ReadsMoney => Role is Role.Finance or Role.Auditor or Role.Admin;
}
