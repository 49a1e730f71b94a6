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
        var months = await session.LoadManyAsync<CostShareMonth>(ct, MonthsOf(period));
        return CostShareReport.Build(period, months.SelectMany(m => m.Flights.Values));
    }

    [WolverineGet("/api/reports/cost-share", OperationId = "GetCostShareReport",
        Summary = "A month's, quarter's or year's cost-share report, e.g. period=2014-Q3")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<CostShareReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? period, IQuerySession session, CancellationToken ct) =>
        Period.IsValid(period) ? Results.Ok(await Live(session, period!, ct)) : InvalidPeriod();

    public static IResult InvalidPeriod() => Problems.Invalid(new Dictionary<string, string[]>
    {
        ["period"] = ["Expected a month, quarter or year, e.g. 2014-09, 2014-Q3 or 2014."],
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
