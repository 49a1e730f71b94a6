
namespace CalaisReturns.Finance;

public enum CostShareStatus
{
    AwaitingSplit,
    AwaitingRate,
    Open,
    Settled,
    Reconciled,
}

/// <summary>Sums in the original currency, exact (inputs have at most 2 decimals).</summary>
public sealed record CurrencyTotal(Currency Currency, decimal Shared, decimal National);

/// <summary>In the settlement currency, rounded so that the categories sum to the totals.</summary>
public sealed record CategoryTotal(CostCategory Category, decimal Shared, decimal National);

/// <param name="Weight">What the basis divides by: percent, seats allocated or returnees flown.</param>
/// <param name="Paid">Shared costs this state paid less external funding it received.</param>
/// <param name="Balance">Share minus paid: positive means the state owes the other.</param>
/// <param name="FundingExpected">Grants decided or claimed but not yet paid: shown apart, counted in nothing until paid.</param>
public sealed record StateFigures(
    State State,
    decimal Weight,
    decimal Share,
    decimal SharedPaid,
    decimal FundingReceived,
    decimal Paid,
    decimal Balance,
    decimal National,
    decimal FundingExpected = 0m);

/// <summary>
/// Every amount is in the settlement currency, converted at <see cref="CostShareFigures.Rate"/>.
/// <see cref="Debtor"/> owes <see cref="Creditor"/> <see cref="Balance"/>; <see cref="Settled"/> is what
/// the debtor has paid towards it (net of any refund); <see cref="Outstanding"/> is what remains, and
/// is negative when later corrections left the debtor overpaid: the creditor then refunds it.
/// </summary>
public sealed record CostShareTotals(
    decimal SharedCosts,
    decimal ExternalFunding,
    decimal SharedTotal,
    decimal NationalCosts,
    IReadOnlyList<StateFigures> States,
    IReadOnlyList<CategoryTotal> Categories,
    State? Debtor,
    State? Creditor,
    decimal Balance,
    decimal Settled,
    decimal Outstanding);

/// <param name="Totals">Null until a split is agreed and every amount can be converted.</param>
public sealed record CostShareFigures(
    CostShareStatus Status,
    SplitBasis? Basis,
    Currency? SettlementCurrency,
    ExchangeRate? Rate,
    IReadOnlyList<CurrencyTotal> ByCurrency,
    CostShareTotals? Totals);

/// <summary>
/// The cost-share computation (DESIGN.md "Money"), pure: shared cost in the settlement currency is
/// the shared lines converted at the flight's rate less external funding received (grants count once paid); it is split by the agreed
/// basis, and each part is rounded so that the parts sum exactly to the total (largest remainder).
/// Paid is rounded the same way, so balances sum to exactly zero.
/// </summary>
public static class CostShare
{
    public static CostShareFigures Compute(FlightFinance finance)
    {
        var lines = finance.Lines.Where(l => !l.Withdrawn).ToList();
        var byCurrency = lines.GroupBy(l => l.Amount.Currency).OrderBy(g => g.Key)
            .Select(g => new CurrencyTotal(g.Key, g.Where(l => l.Shared).Sum(l => l.Amount.Amount),
                g.Where(l => !l.Shared).Sum(l => l.Amount.Amount)))
            .ToList();
        if (finance.Split is not { } split)
        {
            return new CostShareFigures(CostShareStatus.AwaitingSplit, null, null, finance.Rate, byCurrency, null);
        }

        var currency = split.SettlementCurrency;
        decimal? Convert(Money m) => ExchangeRate.Convert(m, currency, finance.Rate);
        var convertible = lines.Select(l => l.Amount).Concat(finance.Fundings.Select(f => f.Amount))
            .Concat(finance.Grants.SelectMany(g => new[] { g.Paid, g.Expected }).OfType<Money>())
            .Concat(finance.Settlements.Select(s => s.Amount)).All(m => Convert(m) is not null);
        var totals = convertible ? Totals(finance, lines, split, m => Convert(m)!.Value) : null;
        var status = finance.Rate is null || totals is null ? CostShareStatus.AwaitingRate
            : totals.Outstanding != 0 ? CostShareStatus.Open
            : finance.States.All(finance.ConfirmedBy.Contains) ? CostShareStatus.Reconciled
            : CostShareStatus.Settled;
        return new CostShareFigures(status, split.Basis, currency, finance.Rate, byCurrency, totals);
    }

    private static CostShareTotals Totals(FlightFinance finance, List<CostLine> lines, SplitTerms split,
        Func<Money, decimal> convert)
    {
        var states = finance.States;
        var shared = lines.Where(l => l.Shared).ToList();
        var national = lines.Where(l => !l.Shared).ToList();

        // Gross shared cost and external funding are each rounded once; every other figure is
        // derived from them, so that shares, paid and categories all sum exactly.
        var sharedPaid = MoneyMath.RoundPreservingTotal(
            [.. states.Select(s => shared.Where(l => l.PaidBy == s).Sum(l => convert(l.Amount)))]);
        var received = finance.FundingReceived.ToList();
        var funding = MoneyMath.RoundPreservingTotal(
            [.. states.Select(s => received.Where(f => f.State == s).Sum(f => convert(f.Amount)))]);
        var expected = MoneyMath.RoundPreservingTotal(
            [.. states.Select(s => finance.Grants.Where(g => g.Recipient == s && g.Expected is not null).Sum(g => convert(g.Expected!.Value)))]);
        var (sharedCosts, externalFunding) = (sharedPaid.Sum(), funding.Sum());
        var sharedTotal = sharedCosts - externalFunding;

        var weights = Weights(finance, split);
        var shares = MoneyMath.Split(sharedTotal, weights);
        var nationalByState = MoneyMath.RoundPreservingTotal(
            [.. states.Select(s => national.Where(l => l.PaidBy == s).Sum(l => convert(l.Amount)))]);

        var figures = states.Select((s, i) => new StateFigures(s, weights[i], shares[i], sharedPaid[i], funding[i],
            sharedPaid[i] - funding[i], shares[i] - (sharedPaid[i] - funding[i]), nationalByState[i], expected[i])).ToList();
        var debtor = figures.FirstOrDefault(f => f.Balance > 0);
        var creditor = figures.FirstOrDefault(f => f.Balance < 0);
        var balance = debtor?.Balance ?? 0m;
        var settled = MoneyMath.Round(finance.Settlements.Sum(s =>
            s.Payer == debtor?.State ? convert(s.Amount) : s.Payee == debtor?.State ? -convert(s.Amount) : 0m));
        return new CostShareTotals(sharedCosts, externalFunding, sharedTotal, nationalByState.Sum(), figures,
            Categories(shared, national, convert), debtor?.State, creditor?.State, balance, settled, balance - settled);
    }

    /// <summary>
    /// What the basis divides by. Returnees flown falls back to seats allocated for a flight that has
    /// not (or will never have) departed; if everything weighs zero, the states share equally.
    /// </summary>
    public static decimal[] Weights(FlightFinance finance, SplitTerms split)
    {
        var counts = split.Basis switch
        {
            SplitBasis.FixedRatio => finance.States.Select(s => split.Ratios.FirstOrDefault(r => r.State == s)?.Percent ?? 0m),
            SplitBasis.PerReturneeFlown when finance.Departed => finance.States.Select(s => (decimal)finance.OnBoard.GetValueOrDefault(s)),
            _ => finance.States.Select(s => (decimal)finance.SeatsAllocated.GetValueOrDefault(s)),
        };
        var weights = counts.ToArray();
        return weights.Sum() > 0 ? weights : [.. weights.Select(_ => 1m)];
    }

    private static List<CategoryTotal> Categories(List<CostLine> shared, List<CostLine> national, Func<Money, decimal> convert)
    {
        var categories = shared.Concat(national).Select(l => l.Category).Distinct().Order().ToList();
        var sharedByCategory = MoneyMath.RoundPreservingTotal(
            [.. categories.Select(c => shared.Where(l => l.Category == c).Sum(l => convert(l.Amount)))]);
        var nationalByCategory = MoneyMath.RoundPreservingTotal(
            [.. categories.Select(c => national.Where(l => l.Category == c).Sum(l => convert(l.Amount)))]);
        return [.. categories.Select((c, i) => new CategoryTotal(c, sharedByCategory[i], nationalByCategory[i]))];
    }
}
