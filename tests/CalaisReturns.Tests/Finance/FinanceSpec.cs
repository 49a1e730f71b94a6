using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

internal static class FinanceSpec
{
    public static readonly Guid Proposal = Case(500);

    public static Guid Line(int n) => Case(1000 + n);

    public static FlightFinance GivenFinance(params object[] events) =>
        new object[] { Planned() }.Concat(events).Aggregate((FlightFinance?)null, FlightFinance.Fold)!;

    public static object[] Split(SplitBasis basis, Currency currency = Currency.GBP, decimal uk = 50, decimal fr = 50) =>
    [
        new CostSplitProposed(FlightId, Proposal, basis,
            basis == SplitBasis.FixedRatio ? [new StatePercent(State.UK, uk), new StatePercent(State.FR, fr)] : [],
            currency, State.UK, Now),
        new CostSplitAgreed(FlightId, Proposal, State.FR, Now),
    ];

    public static ExchangeRateFixed Rate(decimal eurPerGbp = 1.285714m) =>
        new(FlightId, eurPerGbp, new DateOnly(2014, 8, 29), "ECB reference rate 2014-08-29", null, Now);

    public static CostRecorded Cost(int line, decimal amount, Currency currency, State paidBy, bool shared = true,
        CostCategory category = CostCategory.Charter) =>
        new(FlightId, Line(line), category, $"Line {line}", new Money(amount, currency), paidBy, shared, $"INV-{line}", null, Now);
}
