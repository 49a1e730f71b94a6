using CalaisReturns.Core.Exports;

namespace CalaisReturns.Finance.Budgets.Reporting;

/// <summary>The rate a flight's cost was converted at: the flight's own once fixed, else the planning rate.</summary>
public sealed record BudgetRate(decimal EurPerGbp, bool Planning, DateOnly? RateDate, string? Source);

/// <param name="Amount">In the budget's currency, rounded to the minor unit.</param>
/// <param name="Overrun">By how much the budget is exceeded once this flight is counted, flights taken in the order they were booked.</param>
public sealed record BudgetFlight(
    Guid FlightId,
    string Reference,
    DateTimeOffset ScheduledDeparture,
    bool Actual,
    decimal Amount,
    BudgetRate? Rate,
    decimal? Overrun);

/// <summary>
/// A state's budget for a fiscal year against its flights (DESIGN.md "Budget"): what is committed (booked charter prices
/// and costs not yet final), what is actual (reconciled shares), and what remains. <see cref="Amount"/> and
/// <see cref="Remaining"/> are null while no budget is set.
/// </summary>
public sealed record BudgetReport(
    State State,
    string FiscalYear,
    DateOnly From,
    DateOnly To,
    Currency Currency,
    decimal? Amount,
    decimal Committed,
    decimal Actual,
    decimal? Remaining,
    long Version,
    IReadOnlyList<BudgetFlight> Flights)
{
    /// <summary>
    /// Pure: each flight of the state departing in the fiscal year, converted into the budget's currency at its rate (the
    /// planning rate until it has one) and rounded, taken in the order the flights were booked (unbooked ones last, by
    /// departure), the running total marking where the budget is exceeded.
    /// </summary>
    public static BudgetReport Compute(FiscalYear year, Budget? budget, IEnumerable<BudgetLine> lines, decimal planningEurPerGbp)
    {
        var flights = new List<BudgetFlight>();
        var running = 0m;
        foreach (var line in lines.Where(l => year.Contains(l.ScheduledDeparture))
                     .OrderBy(l => l.BookedAt ?? DateTimeOffset.MaxValue).ThenBy(l => l.ScheduledDeparture)
                     .ThenBy(l => l.Reference, StringComparer.Ordinal))
        {
            if (line.States.FirstOrDefault(s => s.State == year.State) is not { } cost)
            {
                continue;
            }

            var converted = cost.Amounts.All(m => m.Currency == year.Currency) ? null
                : line.Rate is { } rate ? new BudgetRate(rate.EurPerGbp, false, rate.RateDate, rate.Source)
                : new BudgetRate(planningEurPerGbp, true, null, null);
            var rateUsed = converted is null ? null : new ExchangeRate(converted.EurPerGbp, converted.RateDate ?? default, converted.Source ?? "");
            var amount = MoneyMath.Round(cost.Amounts.Sum(m => ExchangeRate.Convert(m, year.Currency, rateUsed)!.Value));
            running += amount;
            // A flight that takes nothing (not booked, nothing recorded) takes the budget over nothing.
            var overrun = budget is not null && amount > 0 && running > budget.Amount.Amount ? running - budget.Amount.Amount : (decimal?)null;
            flights.Add(new BudgetFlight(line.FlightId, line.Reference, line.ScheduledDeparture, cost.Final, amount, converted, overrun));
        }

        var (committed, actual) = (flights.Where(f => !f.Actual).Sum(f => f.Amount), flights.Where(f => f.Actual).Sum(f => f.Amount));
        return new BudgetReport(year.State, year.Name, DateOnly.FromDateTime(year.From.UtcDateTime),
            DateOnly.FromDateTime(year.To.UtcDateTime).AddDays(-1), year.Currency, budget?.Amount.Amount, committed, actual,
            budget is null ? null : budget.Amount.Amount - committed - actual, budget?.Version ?? 0, flights);
    }

    /// <summary>The flights that took the budget over what remained, with the overrun each leaves.</summary>
    public IEnumerable<BudgetFlight> Exceeding => Flights.Where(f => f.Overrun is not null);

    /// <summary>One row per flight, then the budget's row: what it is, what is committed, actual and remaining.</summary>
    public ReportTable Table() => new("Export.BudgetSheet", Columns,
    [
        .. Flights.Select(f => new object?[]
        {
            State, FiscalYear, f.Reference, DateOnly.FromDateTime(f.ScheduledDeparture.UtcDateTime), f.Actual ? BudgetKind.Actual : BudgetKind.Committed,
            Currency, f.Amount, f.Rate?.EurPerGbp, f.Rate is null ? null : f.Rate.Planning ? BudgetKind.PlanningRate : (object?)f.Rate.Source, f.Overrun,
        }),
        [State, FiscalYear, BudgetKind.Budget, null, null, Currency, Amount, null, null, null],
        [State, FiscalYear, BudgetKind.Committed, null, null, Currency, Committed, null, null, null],
        [State, FiscalYear, BudgetKind.Actual, null, null, Currency, Actual, null, null, null],
        [State, FiscalYear, BudgetKind.Remaining, null, null, Currency, Remaining, null, null, null],
    ], new HashSet<string> { "Amount", "Overrun" });

    private static readonly string[] Columns =
        ["State", "FiscalYear", "Reference", "ScheduledDeparture", "BudgetKind", "Currency", "Amount", "EurPerGbp", "RateSource", "Overrun"];
}

/// <summary>What a row of the budget's table is.</summary>
public enum BudgetKind
{
    Budget,
    Committed,
    Actual,
    Remaining,
    PlanningRate,
}
