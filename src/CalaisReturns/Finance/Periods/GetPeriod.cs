using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Jobs.PeriodSnapshots;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Periods;

/// <summary>
/// A month's closure as finance reads it: which states have closed it, whether it is closed (and which closing), who asked
/// to reopen it, the version to send, and its report — the closed one, or the live one with its adjustments.
/// </summary>
public sealed record PeriodStatus(
    string Month,
    bool Closed,
    int Closing,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<State> ClosedBy,
    IReadOnlyList<State> ReopeningAskedBy,
    long Version,
    CostShareReport Report);

public static class GetPeriodEndpoint
{
    public static async Task<PeriodStatus> Query(IQuerySession session, Period month, CancellationToken ct)
    {
        var closure = await session.LoadAsync<PeriodClosure>(PeriodClosure.IdFor(month), ct);
        return new PeriodStatus(month.Name, closure?.Closed ?? false, closure?.Closing ?? 0, closure?.ClosedAt, closure?.ClosedBy ?? [],
            closure?.ReopeningAskedBy ?? [], closure?.Version ?? 0, await MonthReports.Current(session, month, ct));
    }

    [WolverineGet("/api/periods/{month}", OperationId = "GetPeriod",
        Summary = "A month's closure (yyyy-MM): who closed it, whether it is closed, reopening asked, and its report; closing=n for the report of an earlier closing")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<PeriodStatus>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string month, int? closing, IQuerySession session, CancellationToken ct)
    {
        var (period, invalid) = PeriodClosure.MonthOf(month);
        if (period is null)
        {
            return invalid!;
        }

        var status = await Query(session, period, ct);
        if (closing is not { } wanted)
        {
            return Results.Ok(status);
        }

        return await session.LoadAsync<PeriodSnapshot>(PeriodSnapshots.ClosedId(period.Name, wanted), ct) is { } issued
            ? Results.Ok(status with { Report = issued.Report })
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.NoSnapshot.Title"),
                detail: Texts.Format("Problem.NoSnapshot", PeriodSnapshots.ClosedId(period.Name, wanted)));
    }
}
