using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Cases.Summaries;

public static class GetCasesEndpoint
{
    public const int MaxCases = 500;

    [WolverineGet("/api/cases/{caseId}", OperationId = "GetCase",
        Summary = "One case; names and dates of birth only for its own state's planners")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<CaseSummary>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetCase(Guid caseId, IQuerySession session, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (await session.LoadAsync<CaseSummary>(caseId, ct) is not { } summary)
        {
            return Problems.NotFound("Case", caseId);
        }

        return CaseAccess.ViewFor(Actor.From(user), summary.OwningState) switch
        {
            CaseView.Full => Results.Ok(summary),
            CaseView.WithoutPersonalData => Results.Ok(summary.WithoutPersonalData()),
            _ => Problems.Forbidden($"Only {summary.OwningState} planners, auditors and admins may read this case."),
        };
    }

    [WolverineGet("/api/cases", OperationId = "GetCases",
        Summary = "Cases by state and status; planners see their own state's")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<IReadOnlyList<CaseSummary>>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetCases(string? state, string? status, IQuerySession session,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var errors = new Dictionary<string, string[]>();
        var wantedState = state is null ? (State?)null : QueryValues.Enum<State>(state, "state", errors);
        var wantedStatus = status is null ? (CaseStatus?)null : QueryValues.Enum<CaseStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var view = CaseAccess.ViewFor(actor, wantedState ?? actor.State);
        if (view == CaseView.None)
        {
            return Problems.Forbidden("Planners read their own state's cases; auditors and admins read all.");
        }

        var query = session.Query<CaseSummary>().AsQueryable();
        if ((wantedState ?? (view == CaseView.Full ? actor.State : null)) is { } s)
        {
            query = query.Where(c => c.OwningState == s);
        }

        if (wantedStatus is { } st)
        {
            query = query.Where(c => c.Status == st);
        }

        var cases = await query.OrderBy(c => c.CaseReference).Take(MaxCases).ToListAsync(ct);
        return Results.Ok(view == CaseView.Full ? cases : cases.Select(c => c.WithoutPersonalData()).ToList());
    }
}
