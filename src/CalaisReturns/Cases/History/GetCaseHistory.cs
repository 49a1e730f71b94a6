using CalaisReturns.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Cases.History;

public static class GetCaseHistoryEndpoint
{
    [WolverineGet("/api/cases/{caseId}/history", OperationId = "GetCaseHistory",
        Summary = "The case's events with who, when and why, never its name or date of birth")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static Task<IResult> Get(Guid caseId, string? from, string? to, string? type, string? page, string? pageSize,
        IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        EventHistory.Read<CaseOpened>(session, caseId, "Case", from, to, type, page, pageSize,
            opened => CaseHistory.Forbid(Actor.From(user), opened), ct);
}

/// <summary>The case history query and its access rule, shared by the endpoint and the pages.</summary>
public static class CaseHistory
{
    public static Task<StreamHistory<CaseOpened>?> Page(IQuerySession session, Guid caseId, HistoryFilter filter,
        CancellationToken ct) => EventHistory.Page<CaseOpened>(session, caseId, filter, ct);

    public static Text? Forbid(Actor actor, CaseOpened opened) =>
        CaseAccess.ViewFor(actor, opened.OwningState) == CaseView.None
            ? new Text("Forbidden.CaseHistory", opened.OwningState)
            : null;
}
