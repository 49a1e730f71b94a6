using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using FsCheck;
using FsCheck.Fluent;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

/// <summary>Properties over random lines, currencies, rates and bases (FsCheck).</summary>
public class CostSharePropertyTests
{
    private static readonly Gen<decimal> Pennies = Gen.Choose(1, 50_000_000).Select(p => p / 100m);

    private static readonly Gen<decimal> Rates = Gen.Choose(800_000, 2_000_000).Select(r => r / 1_000_000m);

    private static readonly Gen<CostRecorded> Lines =
        from amount in Pennies
        from currency in Gen.Elements(Currency.GBP, Currency.EUR)
        from paidBy in Gen.Elements(State.UK, State.FR)
        from shared in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from category in Gen.Elements(Enum.GetValues<CostCategory>())
        select Cost(0, amount, currency, paidBy, shared, category) with { LineId = Guid.NewGuid() };

    private static readonly Gen<object[]> Splits =
        from basis in Gen.Elements(Enum.GetValues<SplitBasis>())
        from currency in Gen.Elements(Currency.GBP, Currency.EUR)
        from uk in Gen.Choose(0, 100)
        select Split(basis, currency, uk, 100 - uk);

    private static readonly Gen<FlightFinance> Flights =
        from split in Splits
        from rate in Rates
        from ukSeats in Gen.Choose(0, 200)
        from frSeats in Gen.Choose(0, 200)
        from lines in Gen.ListOf(Lines).Select(l => l.ToArray())
        from funding in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Pennies, n))
        select GivenFinance([Booked(), Allocated(ukSeats, frSeats), .. split, Rate(rate), .. lines,
            .. funding.Select((f, i) => (object)new ExternalFundingReceived(FlightId, Guid.NewGuid(), "Frontex",
                i % 2 == 0 ? State.UK : State.FR, new Money(f, Currency.EUR), "FX", Now))]);

    [Fact]
    public void Shares_sum_exactly_to_the_shared_total_and_balances_to_zero() =>
        Prop.ForAll(Flights.ToArbitrary(), finance =>
        {
            var totals = CostShare.Compute(finance).Totals!;
            return totals.States.Sum(s => s.Share) == totals.SharedTotal
                && totals.States.Sum(s => s.Paid) == totals.SharedTotal
                && totals.States.Sum(s => s.Balance) == 0m
                && totals.SharedCosts - totals.ExternalFunding == totals.SharedTotal
                && totals.Categories.Sum(c => c.Shared) == totals.SharedCosts
                && totals.States.All(s => s.Share == decimal.Round(s.Share, 2));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Pounds_converted_to_euros_at_any_rate_and_back_drift_by_at_most_a_penny_per_line() =>
        Prop.ForAll(Gen.NonEmptyListOf(Pennies).ToArbitrary(), Rates.ToArbitrary(), (pounds, rate) =>
        {
            object[] lines = [.. pounds.Select((p, i) => (object)(Cost(i, p, Currency.GBP, State.UK) with { LineId = Guid.NewGuid() }))];
            var euros = CostShare.Compute(GivenFinance([.. Split(SplitBasis.FixedRatio, Currency.EUR), Rate(rate), .. lines])).Totals!;
            var back = euros.SharedTotal / rate;
            return Math.Abs(back - pounds.Sum()) <= 0.01m * pounds.Count;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_zero_to_a_hundred_ratio_gives_everything_to_one_state() =>
        Prop.ForAll(Gen.NonEmptyListOf(Lines).ToArbitrary(), Gen.Elements(0, 100).ToArbitrary(), (lines, uk) =>
        {
            var totals = CostShare.Compute(GivenFinance([.. Split(SplitBasis.FixedRatio, Currency.GBP, uk, 100 - uk), Rate(),
                .. lines.Cast<object>()])).Totals!;
            var (all, none) = uk == 100 ? (totals.States[0], totals.States[1]) : (totals.States[1], totals.States[0]);
            return all.Share == totals.SharedTotal && none.Share == 0m;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Rounding_preserves_any_total_with_negative_parts_too() =>
        Prop.ForAll(Gen.NonEmptyListOf(Gen.Choose(-1_000_000_000, 1_000_000_000).Select(x => x / 10_000m)).ToArbitrary(), parts =>
        {
            var rounded = MoneyMath.RoundPreservingTotal([.. parts]);
            return rounded.Sum() == MoneyMath.Round(parts.Sum())
                && rounded.Zip(parts).All(p => Math.Abs(p.First - p.Second) < 0.01m);
        }).QuickCheckThrowOnFailure();
}
