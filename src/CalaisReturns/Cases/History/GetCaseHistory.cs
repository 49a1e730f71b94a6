using CalaisReturns.Core.History;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Cases.History;

public static class GetCaseHistoryEndpoint
{
    [WolverineGet("/api/cases/{caseId}/history", OperationId = "GetCaseHistory",
        Summary = "The case's events with who, when and why, never its name or date of birth")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid caseId, string? from, string? to, string? type, string? page,
        string? pageSize, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var (filter, errors) = HistoryFilter.Parse(from, to, type, page, pageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var events = await session.Events.FetchStreamAsync(caseId, token: ct);
        if (events.FirstOrDefault()?.Data is not CaseOpened opened)
        {
            return Problems.NotFound("Case", caseId);
        }

        return CaseAccess.ViewFor(Actor.From(user), opened.OwningState) == CaseView.None
            ? Problems.Forbidden($"Only {opened.OwningState} planners, auditors and admins may read this case's history.")
            : Results.Ok(filter.Apply(events));
    }
}
