
namespace CalaisReturns.Finance.Budgets;

/// <summary>
/// What one flight costs a state, in the currencies it was paid in: its final share and national costs once a split is
/// agreed and every amount converted, otherwise the estimate from what is known (<see cref="BudgetLine.Of"/>).
/// </summary>
/// <param name="Final">Reconciled: both states confirmed the settled figures, so this is spent (an actual), not committed.</param>
public sealed record StateCost(State State, bool Final, IReadOnlyList<Money> Amounts);

/// <summary>
/// One flight as the budgets count it, derived from its finance facts like the cost share (and kept in the cost share's
/// document, so that a fiscal year's budget reads one small value per flight).
/// </summary>
public sealed record BudgetLine(
    Guid FlightId,
    string Reference,
    DateTimeOffset ScheduledDeparture,
    DateTimeOffset? BookedAt,
    ExchangeRate? Rate,
    IReadOnlyList<StateCost> States)
{
    /// <summary>
    /// Final figures (a split agreed, every amount converted): each state's share of the shared cost and its national
    /// costs, in the settlement currency. Before that, an estimate in the currencies paid: the shared cost lines — with the
    /// charter's contract price while no charter cost is recorded, and never for a cancelled flight — less the funding
    /// received, divided by the agreed split or else by the seats allocated (equally without either), plus the state's
    /// national costs.
    /// </summary>
    public static BudgetLine Of(FlightFinance finance)
    {
        var figures = CostShare.Compute(finance);
        var states = figures is { Totals: { } totals, Status: not CostShareStatus.AwaitingRate }
            ? totals.States.Select(s => new StateCost(s.State, figures.Status == CostShareStatus.Reconciled,
                [new Money(s.Share + s.National, figures.SettlementCurrency!.Value)]))
            : Estimate(finance);
        return new BudgetLine(finance.Id, finance.Reference, finance.ScheduledDeparture, finance.BookedAt, finance.Rate, [.. states]);
    }

    private static IEnumerable<StateCost> Estimate(FlightFinance finance)
    {
        var lines = finance.Lines.Where(l => !l.Withdrawn).ToList();
        var contract = finance is { Cancelled: false, ContractPrice: { } price } && !lines.Any(l => l.Category == CostCategory.Charter)
            ? [price]
            : Array.Empty<Money>();
        var shared = lines.Where(l => l.Shared).Select(l => l.Amount).Concat(contract)
            .Concat(finance.FundingReceived.Select(f => new Money(-f.Amount.Amount, f.Amount.Currency)))
            .GroupBy(m => m.Currency).Select(g => new Money(g.Sum(m => m.Amount), g.Key)).ToList();
        var weights = CostShare.Weights(finance, finance.Split ?? new SplitTerms(SplitBasis.PerSeatAllocated, [], Currency.GBP));
        var parts = shared.Select(m => (m.Currency, Parts: MoneyMath.Split(MoneyMath.Round(m.Amount), weights))).ToList();
        return finance.States.Select((state, i) => new StateCost(state, false,
        [
            .. parts.Select(p => new Money(p.Parts[i], p.Currency))
                .Concat(lines.Where(l => !l.Shared && l.PaidBy == state).Select(l => l.Amount))
                .GroupBy(m => m.Currency).Select(g => new Money(g.Sum(m => m.Amount), g.Key)).Where(m => m.Amount != 0),
        ]));
    }
}
