using System.Text;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Reporting;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace CalaisReturns.Jobs.PeriodSnapshots;

/// <summary>
/// The cost-share report of a period as it was issued when the period closed: the report, its CSV,
/// and whether it equalled the as-of replay of the events at that instant (it must).
/// </summary>
public sealed class PeriodSnapshot
{
    public string Id { get; set; } = "";
    public DateTimeOffset TakenAt { get; set; }
    public CostShareReport Report { get; set; } = null!;
    public string Csv { get; set; } = "";
    public bool MatchesReplay { get; set; }
}

/// <summary>How the snapshots are named: the period's name for the report issued when it ended, with its closing for a closed month.</summary>
public static class PeriodSnapshots
{
    /// <summary><c>2027-05#2</c>: the report of May 2027 as both states closed it the second time.</summary>
    public static string ClosedId(string month, int closing) => $"{month}#{closing}";
}

/// <summary>Store the closing report of every period that has just ended.</summary>
public sealed record SnapshotClosedPeriods;

/// <summary>The monthly Hangfire job: thin, it only sends the command.</summary>
public sealed class PeriodSnapshotJob(IMessageBus bus)
{
    public const string Id = "period-snapshots";

    public Task Run() => bus.InvokeAsync(new SnapshotClosedPeriods());
}

public static class PeriodSnapshotHandler
{
    /// <summary>The periods that ended by <paramref name="now"/>: last month, and last quarter and year when they ended too.</summary>
    public static IEnumerable<Period> JustEnded(DateTimeOffset now)
    {
        var lastMonth = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1);
        var periods = Period.Of(lastMonth);
        yield return periods[0];
        if (lastMonth.Month % 3 == 0)
        {
            yield return periods[1];
        }

        if (lastMonth.Month == 12)
        {
            yield return periods[2];
        }
    }

    /// <summary>Safe to run twice: a period already snapshotted is left as it was issued.</summary>
    public static async Task Handle(SnapshotClosedPeriods command, IDocumentSession session, TimeProvider clock,
        ILogger<PeriodSnapshotJob> log, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var period in JustEnded(now))
        {
            if (await session.LoadAsync<PeriodSnapshot>(period.Name, ct) is not null)
            {
                continue;
            }

            var live = await GetCostShareReportEndpoint.Live(session, period, ct);
            var replay = await GetCostShareReportEndpoint.AsOf(session, period, now, ct);
            var csv = ReportExport.Csv(live);
            var matches = csv == ReportExport.Csv(replay);
            if (!matches)
            {
                log.LogError("The closing report of {Period} differs from the replay of its events", period);
            }

            session.Store(new PeriodSnapshot { Id = period.Name, TakenAt = now, Report = live, Csv = csv, MatchesReplay = matches });
        }
    }
}

public static class PeriodSnapshotEndpoint
{
    [WolverineGet("/api/reports/cost-share/snapshots/{period}", OperationId = "GetPeriodSnapshot",
        Summary = "The period's cost-share report as it was issued when the period closed")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<PeriodSnapshot>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string period, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PeriodSnapshot>(period, ct) is { } snapshot
            ? Results.Ok(snapshot)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.NoSnapshot.Title"),
                detail: Texts.Format("Problem.NoSnapshot", period));

    [WolverineGet("/api/reports/cost-share/snapshots/{period}/csv", OperationId = "DownloadPeriodSnapshotCsv",
        Summary = "The period's closing report as it was issued, as CSV")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Csv(string period, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PeriodSnapshot>(period, ct) is { } snapshot
            ? Results.File(Encoding.UTF8.GetBytes(snapshot.Csv), "text/csv; charset=utf-8", $"cost-share-{period}-issued.csv")
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.NoSnapshot.Title"),
                detail: Texts.Format("Problem.NoSnapshot", period));
}
