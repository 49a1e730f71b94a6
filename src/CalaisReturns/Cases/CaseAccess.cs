
namespace CalaisReturns.Cases;

/// <summary>Who may see and change a case. Each check returns why the actor is refused (403), or null.</summary>
public static class CaseAccess
{
    public static Text? OwnerPlanner(Actor actor, State owningState) =>
        actor.IsPlannerOf(owningState) ? null : new Text("Forbidden.CaseOwner", owningState);

    /// <summary>What a reader may see of a case: everything, references only, or nothing.</summary>
    public static CaseView ViewFor(Actor actor, State owningState) => actor.Role switch
    {
        Role.Planner when actor.State == owningState => CaseView.Full,
        Role.Auditor or Role.Admin => CaseView.WithoutPersonalData,
        _ => CaseView.None,
    };
}

public enum CaseView
{
    None,
    WithoutPersonalData,
    Full,
}
