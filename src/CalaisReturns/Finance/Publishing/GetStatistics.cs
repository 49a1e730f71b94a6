using CalaisReturns.Core.Exports;
using System.Globalization;
using System.Text.Json;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Publishing;

/// <summary>The published statistics, for auditors and admins: the page and both endpoints call <see cref="Live"/>.</summary>
public static class GetStatisticsEndpoint
{
    /// <summary>The one rule for who reads them (the endpoints' and the page's policy).</summary>
    public const string Policy = AccessPolicies.AuditReader;

    /// <summary>One report entry as read here: the flight's reported figures (null until projected so) and its rate.</summary>
    private sealed record Entry(Guid Id, ReportedFlight? Reported, ExchangeRate? Rate);

    /// <summary>
    /// The year's statistics as the report entries stand (the async projection, a moment behind the commands): each flight's
    /// reported figures, as the cost-share reports read them, and its fixed rate, which converts its cost into the other
    /// currency (its facts are read for that alone). Entries projected before they kept the reported figures are counted
    /// from their facts, as the reports do.
    /// </summary>
    public static async Task<StatisticsReport> Live(IQuerySession session, FiscalYear year, DateTimeOffset now, CancellationToken ct)
    {
        var months = new List<string>();
        for (var month = year.From; month < year.To; month = month.AddMonths(1))
        {
            months.Add(Period.MonthOf(month).Name);
        }

        var table = await GetCostShareReportEndpoint.EntriesTable(session, ct);
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select jsonb_build_object('Id', id, 'Reported', {CostShareReportEntry.ReportedColumn}::jsonb, "
            + $"'Rate', data -> '{nameof(CostShareReportEntry.Flight)}' -> '{nameof(FlightFinance.Rate)}')::text "
            + $"from {table} where data ->> '{nameof(CostShareReportEntry.Month)}' = any(?)", ct, (object)months.ToArray());
        var entries = rows.Select(r => JsonSerializer.Deserialize<Entry>(r, ReportedFlight.Json)!).ToList();
        var flights = entries.Where(e => e.Reported is not null).Select(e => StatisticsFlight.Of(e.Reported!, e.Rate)).ToList();
        var older = entries.Where(e => e.Reported is null).Select(e => e.Id).ToArray();
        if (older.Length > 0)
        {
            var facts = await session.LoadManyAsync<CostShareReportEntry>(ct, older);
            flights.AddRange(facts.Select(e => StatisticsFlight.Of(ReportedFlight.Of(e.Flight), e.Flight.Rate)));
        }

        return StatisticsReport.Build(year, flights, now);
    }

    [WolverineGet("/api/statistics", OperationId = "GetStatistics",
        Summary = "A year's published statistics by country of return, small counts suppressed: year=2027 (calendar year, France's fiscal year) or year=2027-28 (UK fiscal year)")]
    [Authorize(Policy = Policy)]
    [ProducesResponseType<StatisticsReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? year, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        FiscalYear.Parse(year) is { } wanted
            ? Results.Ok(await Live(session, wanted, clock.GetUtcNow(), ct))
            : Problems.Invalid(new Dictionary<string, string[]> { ["year"] = [Texts.Get("Query.StatisticsYear")] });

    [WolverineGet("/api/statistics.csv", OperationId = "DownloadStatisticsCsv",
        Summary = "The year's published statistics as CSV: format=plain (RFC 4180, the default, for scripts) or format=reader (the caller's language and convention)")]
    [Authorize(Policy = Policy)]
    public static async Task<IResult> Csv(string? year, string? format, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = FiscalYear.Parse(year);
        if (wanted is null)
        {
            errors["year"] = [Texts.Get("Query.StatisticsYear")];
        }

        var reader = Spreadsheets.ReaderFormat(format, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var report = await Live(session, wanted!, clock.GetUtcNow(), ct);
        return Spreadsheets.CsvFile(reader!.Value, () => StatisticsExport.Csv(report), culture => StatisticsExport.ReaderCsv(report, culture),
            $"statistics-{wanted!.Name}.csv");
    }
}
