
namespace CalaisReturns.Cases;

public static class CaseCommands
{
    /// <summary>The write path of every command on an existing case: only its own state's planners give them.</summary>
    public static Task<IResult> DecideAsOwnerPlanner(this IDocumentSession session, Guid caseId, long? expectedVersion,
        ClaimsPrincipal user, Func<ReturneeCase, Decision> decide, CancellationToken ct) =>
        session.Decide(caseId, expectedVersion, c => CaseAccess.OwnerPlanner(Actor.From(user), c.OwningState), decide, ct);
}
