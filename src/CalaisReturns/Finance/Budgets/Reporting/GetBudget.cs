using CalaisReturns.Core.Exports;
using System.Globalization;
using CalaisReturns.Core.Http;
using CalaisReturns.Finance.Budgets.Setting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Budgets.Reporting;

/// <summary>The budgets' typed queries, shared by the endpoints, the pages and the warnings.</summary>
public static class BudgetReports
{
    /// <summary>The EUR/GBP rate a flight's cost is converted at until its own is fixed (<c>Finance:PlanningEurPerGbp</c>).</summary>
    public static decimal PlanningRate(IConfiguration configuration) => configuration.GetValue("Finance:PlanningEurPerGbp", 1.15m);

    public static async Task<BudgetReport> Query(IQuerySession session, FiscalYear year, decimal planningRate, CancellationToken ct)
    {
        var budget = await session.LoadAsync<Budget>(Budget.IdFor(year), ct);
        return BudgetReport.Compute(year, budget, await Lines(session, year, ct), planningRate);
    }

    /// <summary>
    /// The budget warnings of the flights a schedule shows while they can still change, as its other warnings
    /// (<see cref="ScheduleWarnings.Current"/>): none once a flight has left or is cancelled.
    /// </summary>
    public static Task<Func<Guid, IEnumerable<Text>>> Warnings(IQuerySession session, IEnumerable<FlightSchedule> flights,
        decimal planningRate, bool amounts, CancellationToken ct) =>
        Warnings(session, flights.Where(f => f.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked)
            .Select(f => (f.ParticipatingStates.AsEnumerable(), f.ScheduledDeparture)), planningRate, amounts, ct);

    /// <summary>
    /// The budget warnings of the flights shown: for each state and fiscal year they fall in that has a budget, the flights
    /// whose booking took it over what remained — by how much for those who read money (planners are told, not shown the
    /// figure). Nothing is read beyond the budgets where none is set.
    /// </summary>
    public static async Task<Func<Guid, IEnumerable<Text>>> Warnings(IQuerySession session,
        IEnumerable<(IEnumerable<State> States, DateTimeOffset Departure)> flights, decimal planningRate, bool amounts, CancellationToken ct)
    {
        var years = flights.SelectMany(f => f.States.Select(s => FiscalYear.Of(s, f.Departure))).Distinct().ToList();
        if (years.Count == 0)
        {
            return _ => [];
        }

        var budgets = (await session.LoadManyAsync<Budget>(ct, years.Select(Budget.IdFor))).ToDictionary(b => b.Id);
        var exceeding = new Dictionary<Guid, List<Text>>();
        foreach (var year in years.Where(y => budgets.ContainsKey(Budget.IdFor(y))))
        {
            var report = BudgetReport.Compute(year, budgets[Budget.IdFor(year)], await Lines(session, year, ct), planningRate);
            foreach (var flight in report.Exceeding)
            {
                exceeding.TryAdd(flight.FlightId, []);
                exceeding[flight.FlightId].Add(amounts
                    ? new Text("Warning.BudgetExceededBy", year.State, year.Name, new Money(flight.Overrun!.Value, year.Currency))
                    : new Text("Warning.BudgetExceeded", year.State, year.Name));
            }
        }

        return id => exceeding.GetValueOrDefault(id) ?? [];
    }

    /// <summary>The flights departing in the fiscal year as the budgets count them: one small value of each cost share.</summary>
    private static async Task<IReadOnlyList<BudgetLine>> Lines(IQuerySession session, FiscalYear year, CancellationToken ct)
    {
        var (from, to) = (year.From, year.To);
        return await session.Query<FlightCostShare>()
            .Where(s => s.Facts.ScheduledDeparture >= from && s.Facts.ScheduledDeparture < to)
            .Select(s => s.Budget)
            .ToListAsync(ct);
    }
}

public static class GetBudgetEndpoint
{
    [WolverineGet("/api/budgets/{state}/{fiscalYear}", OperationId = "GetBudget",
        Summary = "A state's budget for a fiscal year (UK/2027-28, FR/2027): amount, committed, actual and remaining, and each flight's part")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType<BudgetReport>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string state, string fiscalYear, IQuerySession session, IConfiguration configuration,
        CancellationToken ct)
    {
        var (year, errors) = BudgetYears.Parse(state, fiscalYear);
        return year is null ? Problems.Invalid(errors)
            : Results.Ok(await BudgetReports.Query(session, year, BudgetReports.PlanningRate(configuration), ct));
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [WolverineGet("/api/reports/budget.csv", OperationId = "DownloadBudgetCsv",
        Summary = "The budget report of state=UK|FR and fiscalYear as CSV: format=plain (RFC 4180, the default) or format=reader")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Csv(string? state, string? fiscalYear, string? format, IQuerySession session,
        IConfiguration configuration, CancellationToken ct)
    {
        var (year, errors) = BudgetYears.Parse(state ?? "", fiscalYear ?? "");
        var reader = Spreadsheets.ReaderFormat(format, errors);
        if (year is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var table = (await BudgetReports.Query(session, year, BudgetReports.PlanningRate(configuration), ct)).Table();
        return Spreadsheets.CsvFile(reader!.Value, table.Csv, table.ReaderCsv, $"budget-{year.State}-{year.Name}.csv");
    }

    [WolverineGet("/api/reports/budget.xlsx", OperationId = "DownloadBudgetXlsx",
        Summary = "The budget report of state=UK|FR and fiscalYear as an Excel workbook in the caller's language")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Excel(string? state, string? fiscalYear, IQuerySession session, IConfiguration configuration,
        CancellationToken ct)
    {
        var (year, errors) = BudgetYears.Parse(state ?? "", fiscalYear ?? "");
        return year is null ? Problems.Invalid(errors)
            : Results.File((await BudgetReports.Query(session, year, BudgetReports.PlanningRate(configuration), ct)).Table()
                .Xlsx(CultureInfo.CurrentCulture), Xlsx, $"budget-{year.State}-{year.Name}.xlsx");
    }
}
