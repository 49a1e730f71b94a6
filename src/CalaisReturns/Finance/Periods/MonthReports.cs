using CalaisReturns.Finance.Reporting;
using CalaisReturns.Jobs.PeriodSnapshots;

namespace CalaisReturns.Finance.Periods;

/// <summary>A period's report as finance reads it now: a closed month's as issued, an open month's with its adjustments.</summary>
public static class MonthReports
{
    /// <summary>
    /// A closed month: its latest closed report, never rewritten. An open month: the live report, with the adjustments to
    /// the closed months it is the next open month of. A quarter or a year: the live report of its flights.
    /// </summary>
    public static async Task<CostShareReport> Current(IQuerySession session, Period period, CancellationToken ct)
    {
        if (period.Months().Count != 1)
        {
            return await GetCostShareReportEndpoint.Live(session, period, ct);
        }

        if (await session.LoadAsync<PeriodClosure>(PeriodClosure.IdFor(period), ct) is { Closed: true } closure
            && await session.LoadAsync<PeriodSnapshot>(PeriodSnapshots.ClosedId(period.Name, closure.Closing), ct) is { } issued)
        {
            return issued.Report;
        }

        var report = await GetCostShareReportEndpoint.Live(session, period, ct);
        report.Adjustments = await Adjustments.For(session, period, month => GetCostShareReportEndpoint.Live(session, month, ct), ct);
        return report;
    }

    /// <summary>
    /// The report a closing issues: the month's flights as their events stand at the instant, with the adjustments it is
    /// the next open month of (the closed months' figures replayed to the same instant).
    /// </summary>
    public static async Task<CostShareReport> Closing(IQuerySession session, Period month, int closing, DateTimeOffset now,
        CancellationToken ct)
    {
        var report = await GetCostShareReportEndpoint.AsOf(session, month, now, ct);
        report.Adjustments = await Adjustments.For(session, month, m => GetCostShareReportEndpoint.AsOf(session, m, now, ct), ct);
        report.Closure = new ReportClosure(closing, now);
        return report;
    }
}
