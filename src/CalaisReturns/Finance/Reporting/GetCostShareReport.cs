using System.Globalization;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Reporting;

public static class GetCostShareReportEndpoint
{
    /// <summary>The months of a period: <c>2014-09</c> is itself, <c>2014-Q3</c> three months, <c>2014</c> twelve.</summary>
    public static string[] MonthsOf(string period)
    {
        var year = int.Parse(period[..4]);
        return period.Length switch
        {
            4 => [.. Enumerable.Range(1, 12).Select(m => $"{year}-{m:00}")],
            7 when period[5] == 'Q' => [.. Enumerable.Range((period[6] - '1') * 3 + 1, 3).Select(m => $"{year}-{m:00}")],
            _ => [period],
        };
    }

    public static async Task<CostShareReport> Live(IQuerySession session, string period, CancellationToken ct)
    {
        var months = MonthsOf(period);
        var entries = await session.Query<CostShareReportEntry>().Where(m => m.Month.IsOneOf(months)).ToListAsync(ct);
        return CostShareReport.Build(period, entries.Select(m => m.Flight));
    }

    /// <summary>
    /// The report as it stood at an instant: every flight that, by then, had been planned or rescheduled
    /// into the period is replayed to that instant with <see cref="FlightFinance.Fold"/>, and the same
    /// <see cref="CostShareReport.Build"/> keeps those still in the period and sums them.
    /// </summary>
    public static async Task<CostShareReport> AsOf(IQuerySession session, string period, DateTimeOffset asOf,
        CancellationToken ct)
    {
        var months = MonthsOf(period);
        var start = DateTimeOffset.ParseExact(months[0] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
        var end = DateTimeOffset.ParseExact(months[^1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal).AddMonths(1);
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var departure = "coalesce(data ->> 'ScheduledDeparture', data ->> 'NewDeparture')::timestamptz";
        var candidates = await session.AdvancedSql.QueryAsync<Guid>(
            $"select distinct stream_id from {schema}.mt_events where type in ('flight_planned', 'flight_rescheduled') "
            + $"and timestamp <= ? and {departure} >= ? and {departure} < ?", ct, asOf, start, end);
        if (candidates.Count == 0)
        {
            return CostShareReport.Build(period, []);
        }

        // Every candidate's events up to the instant in one round trip, folded as the projections fold them.
        var batch = session.CreateBatchQuery();
        var histories = candidates.Select(id => batch.Events.FetchStream(id, timestamp: asOf)).ToList();
        await batch.Execute(ct);
        var flights = new List<FlightFinance>();
        foreach (var history in histories)
        {
            flights.Add((await history).Aggregate((FlightFinance?)null, (f, e) => FlightFinance.Fold(f, e.Data))!);
        }

        return CostShareReport.Build(period, flights);
    }

    [WolverineGet("/api/reports/cost-share", OperationId = "GetCostShareReport",
        Summary = "A month's, quarter's or year's cost-share report, e.g. period=2014-Q3; asOf for the report as it stood then")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<CostShareReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? period, string? asOf, IQuerySession session, CancellationToken ct)
    {
        if (!Period.IsValid(period))
        {
            return InvalidPeriod();
        }

        var errors = new Dictionary<string, string[]>();
        var instant = QueryValues.Instant(asOf, "asOf", errors);
        return errors.Count > 0 ? Problems.Invalid(errors)
            : Results.Ok(instant is { } at ? await AsOf(session, period!, at, ct) : await Live(session, period!, ct));
    }

    public static IResult InvalidPeriod() => Problems.Invalid(new Dictionary<string, string[]>
    {
        ["period"] = [Period.Expected],
    });
}

public static class DownloadCostShareReportEndpoint
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [WolverineGet("/api/reports/cost-share.csv", OperationId = "DownloadCostShareReportCsv",
        Summary = "The period's cost-share report as CSV")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Csv(string? period, IQuerySession session, CancellationToken ct) =>
        Period.IsValid(period)
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(
                ReportExport.Csv(await GetCostShareReportEndpoint.Live(session, period!, ct))), "text/csv; charset=utf-8",
                $"cost-share-{period}.csv")
            : GetCostShareReportEndpoint.InvalidPeriod();

    [WolverineGet("/api/reports/cost-share.xlsx", OperationId = "DownloadCostShareReportXlsx",
        Summary = "The period's cost-share report as an Excel workbook")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Excel(string? period, IQuerySession session, CancellationToken ct) =>
        Period.IsValid(period)
            ? Results.File(ReportExport.Xlsx(await GetCostShareReportEndpoint.Live(session, period!, ct)), Xlsx,
                $"cost-share-{period}.xlsx")
            : GetCostShareReportEndpoint.InvalidPeriod();
}
