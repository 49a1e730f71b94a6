using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Cases.Summaries;

/// <summary>The case queries and what each person may see of a case, shared by the GET endpoints and the pages.</summary>
public static class CaseSummaries
{
    public const int MaxCases = 500;

    /// <summary>The case as the actor may see it (without personal data unless they are its state's planners), or null if they may not.</summary>
    public static CaseSummary? SeenBy(CaseSummary summary, Actor actor) => CaseAccess.ViewFor(actor, summary.OwningState) switch
    {
        CaseView.Full => summary,
        CaseView.WithoutPersonalData => summary.WithoutPersonalData(),
        _ => null,
    };

    /// <summary>
    /// Cases of a state (planners: their own, by default) with a status, by reference, as the actor may see
    /// them; null if the actor may not read that state's cases.
    /// </summary>
    public static async Task<IReadOnlyList<CaseSummary>?> Query(IQuerySession session, Actor actor, State? state,
        CaseStatus? status, CancellationToken ct)
    {
        var view = CaseAccess.ViewFor(actor, state ?? actor.State);
        if (view == CaseView.None)
        {
            return null;
        }

        var query = session.Query<CaseSummary>().AsQueryable();
        if ((state ?? (view == CaseView.Full ? actor.State : null)) is { } s)
        {
            query = query.Where(c => c.OwningState == s);
        }

        if (status is { } st)
        {
            query = query.Where(c => c.Status == st);
        }

        var cases = await query.OrderBy(c => c.CaseReference).Take(MaxCases).ToListAsync(ct);
        return view == CaseView.Full ? cases : [.. cases.Select(c => c.WithoutPersonalData())];
    }
}

public static class GetCasesEndpoint
{
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

        return CaseSummaries.SeenBy(summary, Actor.From(user)) is { } seen
            ? Results.Ok(seen)
            : Problems.Forbidden(new Text("Forbidden.CaseRead", summary.OwningState));
    }

    [WolverineGet("/api/cases", OperationId = "GetCases",
        Summary = "Cases by state and status; planners see their own state's")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<IReadOnlyList<CaseSummary>>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetCases(string? state, string? status, IQuerySession session,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var wantedState = state is null ? (State?)null : QueryValues.Enum<State>(state, "state", errors);
        var wantedStatus = status is null ? (CaseStatus?)null : QueryValues.Enum<CaseStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return await CaseSummaries.Query(session, Actor.From(user), wantedState, wantedStatus, ct) is { } cases
            ? Results.Ok(cases)
            : Problems.Forbidden(new Text("Forbidden.CaseList"));
    }
}
