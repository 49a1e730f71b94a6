using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

public class CostShareTests
{
    /// <summary>
    /// The worked example, at the 2014 statement's own rate (£1.4m = €1.8m, 1.285714 EUR/GBP):
    /// UK charter £174,468.00; French escorts' hotel €12,300.00 (shared); UK escorts £21,000.00 (national); 50/50 in GBP.
    /// </summary>
    [Fact]
    public void The_2014_worked_example_to_the_penny()
    {
        var figures = CostShare.Compute(GivenFinance([
            .. Split(SplitBasis.FixedRatio), Rate(),
            Cost(1, 174_468.00m, Currency.GBP, State.UK),
            Cost(2, 12_300.00m, Currency.EUR, State.FR, category: CostCategory.Accommodation),
            Cost(3, 21_000.00m, Currency.GBP, State.UK, shared: false, category: CostCategory.Escorts)]));

        var totals = figures.Totals!;
        Assert.Equal((CostShareStatus.Open, Currency.GBP, 1.285714m), (figures.Status, figures.SettlementCurrency, figures.Rate!.EurPerGbp));
        Assert.Equal((184_034.67m, 0m, 184_034.67m, 21_000.00m),
            (totals.SharedCosts, totals.ExternalFunding, totals.SharedTotal, totals.NationalCosts));
        var (uk, fr) = (totals.States[0], totals.States[1]);
        Assert.Equal((92_017.34m, 174_468.00m, -82_450.66m, 21_000.00m), (uk.Share, uk.Paid, uk.Balance, uk.National));
        Assert.Equal((92_017.33m, 9_566.67m, 82_450.66m, 0m), (fr.Share, fr.Paid, fr.Balance, fr.National));
        Assert.Equal((State.FR, State.UK, 82_450.66m, 0m, 82_450.66m),
            (totals.Debtor, totals.Creditor, totals.Balance, totals.Settled, totals.Outstanding));
        Assert.Equal([new CategoryTotal(CostCategory.Charter, 174_468.00m, 0m),
            new CategoryTotal(CostCategory.Escorts, 0m, 21_000.00m), new CategoryTotal(CostCategory.Accommodation, 9_566.67m, 0m)],
            totals.Categories);
        Assert.Equal([new CurrencyTotal(Currency.GBP, 174_468.00m, 21_000.00m), new CurrencyTotal(Currency.EUR, 12_300.00m, 0m)],
            figures.ByCurrency);
    }

    [Fact]
    public void Without_an_agreed_split_or_a_rate_the_cost_share_is_not_final()
    {
        var cost = Cost(1, 100m, Currency.EUR, State.UK);
        Assert.Equal(CostShareStatus.AwaitingSplit, CostShare.Compute(GivenFinance(cost)).Status);
        var noRate = CostShare.Compute(GivenFinance([.. Split(SplitBasis.FixedRatio), cost]));
        Assert.Equal((CostShareStatus.AwaitingRate, null), (noRate.Status, noRate.Totals));
        Assert.Equal(CostShareStatus.AwaitingRate,
            CostShare.Compute(GivenFinance([.. Split(SplitBasis.FixedRatio), Cost(1, 100m, Currency.GBP, State.UK)])).Status);
        var proposedOnly = GivenFinance(Split(SplitBasis.FixedRatio)[0], Rate(), cost);
        Assert.Equal(CostShareStatus.AwaitingSplit, CostShare.Compute(proposedOnly).Status);
    }

    [Theory]
    [InlineData(SplitBasis.PerSeatAllocated, false, false, 60, 40)]
    [InlineData(SplitBasis.PerReturneeFlown, true, false, 75, 25)]
    [InlineData(SplitBasis.PerReturneeFlown, false, true, 60, 40)]
    [InlineData(SplitBasis.PerReturneeFlown, false, false, 60, 40)]
    public void Shares_follow_seats_or_returnees_flown_and_a_cancelled_flight_falls_back_to_seats(SplitBasis basis,
        bool departed, bool cancelled, decimal ukShare, decimal frShare)
    {
        object[] events = [Booked(), Allocated(6, 4), .. Split(basis), Rate(), Cost(1, 100m, Currency.GBP, State.UK)];
        if (departed)
        {
            events = [.. events, Departed(3, 1)];
        }

        if (cancelled)
        {
            events = [.. events, Cancelled()];
        }

        var totals = CostShare.Compute(GivenFinance(events)).Totals!;
        Assert.Equal((ukShare, frShare), (totals.States[0].Share, totals.States[1].Share));
    }

    [Fact]
    public void External_funding_reduces_the_shared_cost_and_counts_against_what_the_receiving_state_paid()
    {
        var totals = CostShare.Compute(GivenFinance([.. Split(SplitBasis.FixedRatio), Rate(),
            Cost(1, 1000m, Currency.GBP, State.UK),
            new ExternalFundingReceived(FlightId, Case(700), "Frontex", State.UK, new Money(200m, Currency.GBP), "FX-1", Now)])).Totals!;
        Assert.Equal((1000m, 200m, 800m), (totals.SharedCosts, totals.ExternalFunding, totals.SharedTotal));
        Assert.Equal((400m, 800m, -400m, 200m), (totals.States[0].Share, totals.States[0].Paid, totals.States[0].Balance,
            totals.States[0].FundingReceived));
        Assert.Equal((400m, 0m, 400m), (totals.States[1].Share, totals.States[1].Paid, totals.States[1].Balance));
    }

    [Fact]
    public void Corrections_replace_amounts_and_withdrawn_lines_no_longer_count()
    {
        var totals = CostShare.Compute(GivenFinance([.. Split(SplitBasis.FixedRatio), Rate(),
            Cost(1, 1000m, Currency.GBP, State.UK), Cost(2, 500m, Currency.GBP, State.FR),
            new CostCorrected(FlightId, Line(1), new Money(1200m, Currency.GBP), "Invoice corrected", Now),
            new CostWithdrawn(FlightId, Line(2), "Duplicate", Now)])).Totals!;
        Assert.Equal((1200m, 600m, 1200m), (totals.SharedTotal, totals.States[0].Share, totals.States[0].Paid));
    }

    [Fact]
    public void Settlements_reduce_the_outstanding_balance_and_both_confirmations_reconcile()
    {
        object[] open = [.. Split(SplitBasis.FixedRatio), Rate(), Cost(1, 1000m, Currency.GBP, State.UK)];
        var settlement = new SettlementRecorded(FlightId, Case(800), State.FR, State.UK, new Money(500m, Currency.GBP), "BACS-1",
            new DateOnly(2026, 7, 1), Now);
        Assert.Equal(CostShareStatus.Open, CostShare.Compute(GivenFinance(open)).Status);
        var settled = CostShare.Compute(GivenFinance([.. open, settlement]));
        Assert.Equal((CostShareStatus.Settled, 500m, 0m), (settled.Status, settled.Totals!.Settled, settled.Totals.Outstanding));

        var confirmed = GivenFinance([.. open, settlement, new CostShareConfirmed(FlightId, State.UK, Now),
            new CostShareConfirmed(FlightId, State.FR, Now)]);
        Assert.Equal(CostShareStatus.Reconciled, CostShare.Compute(confirmed).Status);
        var reopened = FlightFinance.Fold(confirmed, Cost(2, 10m, Currency.GBP, State.FR) with { Reason = "Late invoice" });
        // France had settled 500 of a 500 balance; the late French cost lowers its balance to 495: a refund of 5 is due.
        Assert.Equal((CostShareStatus.Open, 495m, -5m), (CostShare.Compute(reopened).Status, CostShare.Compute(reopened).Totals!.Balance,
            CostShare.Compute(reopened).Totals!.Outstanding));
    }

    [Fact]
    public void A_flight_of_one_state_has_nothing_to_settle()
    {
        var finance = new object[] { Cost(1, 999.99m, Currency.EUR, State.UK) }
            .Aggregate(FlightFinance.Fold(null, Planned(State.UK, State.UK)), FlightFinance.Fold);
        finance = FlightFinance.Fold(FlightFinance.Fold(finance,
            new CostSplitProposed(FlightId, Proposal, SplitBasis.PerSeatAllocated, [], Currency.EUR, State.UK, Now)),
            new CostSplitAgreed(FlightId, Proposal, State.UK, Now));
        var figures = CostShare.Compute(FlightFinance.Fold(finance, Rate()));
        Assert.Equal((CostShareStatus.Settled, 999.99m, 0m), (figures.Status, figures.Totals!.States.Single().Share, figures.Totals.Balance));
    }
}
