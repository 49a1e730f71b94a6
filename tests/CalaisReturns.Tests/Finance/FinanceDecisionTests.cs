using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Confirming;
using CalaisReturns.Finance.Costing;
using CalaisReturns.Finance.RateFixing;
using CalaisReturns.Finance.Settling;
using CalaisReturns.Finance.Splitting;
using FluentValidation;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

public class FinanceDecisionTests
{
    private static readonly object[] Final = [.. Split(SplitBasis.FixedRatio), Rate(), Cost(1, 1000m, Currency.GBP, State.UK)];

    [Fact]
    public void A_split_takes_effect_only_when_the_other_state_agrees()
    {
        var proposed = GivenFinance(Split(SplitBasis.PerSeatAllocated)[0]);
        ThenRefused(AgreeCostSplitEndpoint.Decide(new AgreeCostSplit(Proposal), proposed, State.UK, Now),
            "proposed by UK; the other state's finance must agree");
        ThenAccepted(AgreeCostSplitEndpoint.Decide(new AgreeCostSplit(Proposal), proposed, State.FR, Now),
            new CostSplitAgreed(FlightId, Proposal, State.FR, Now));
        ThenRefused(AgreeCostSplitEndpoint.Decide(new AgreeCostSplit(Line(9)), proposed, State.FR, Now), "no pending split proposal");
    }

    [Theory]
    [InlineData(CostCategory.Charter, true)]
    [InlineData(CostCategory.Cancellation, true)]
    [InlineData(CostCategory.Escorts, false)]
    [InlineData(CostCategory.Medical, false)]
    [InlineData(CostCategory.Interpreters, false)]
    [InlineData(CostCategory.Accommodation, true)]
    public void Costs_are_recorded_as_paid_by_the_callers_state_shared_or_national_by_category(CostCategory category, bool shared) =>
        ThenAccepted(RecordCostEndpoint.Decide(new RecordCost(category, " Hotel ", new Money(10m, Currency.EUR), " INV "),
                GivenFinance(), State.FR, Line(1), Now),
            new CostRecorded(FlightId, Line(1), category, "Hotel", new Money(10m, Currency.EUR), State.FR, shared, "INV", null, Now));

    [Fact]
    public void A_line_id_is_recorded_once_and_a_reconciled_flight_needs_a_reason_for_a_new_cost()
    {
        var command = new RecordCost(CostCategory.Other, "x", new Money(1m, Currency.GBP), "I");
        ThenRefused(RecordCostEndpoint.Decide(command, GivenFinance(Final), State.UK, Line(1), Now), "already recorded");
        var reconciled = GivenFinance([.. Final,
            new SettlementRecorded(FlightId, Case(1), State.FR, State.UK, new Money(500m, Currency.GBP), "T", new DateOnly(2026, 6, 1), Now),
            new CostShareConfirmed(FlightId, State.UK, Now), new CostShareConfirmed(FlightId, State.FR, Now)]);
        ThenRefused(RecordCostEndpoint.Decide(command, reconciled, State.UK, Line(2), Now), "needs a reason, and reopens it");
        Assert.Null(RecordCostEndpoint.Decide(command with { Reason = "Late invoice" }, reconciled, State.UK, Line(2), Now).Refusal);
    }

    [Fact]
    public void Only_a_standing_line_is_corrected_or_withdrawn()
    {
        var withdrawn = GivenFinance([.. Final, new CostWithdrawn(FlightId, Line(1), "Duplicate", Now)]);
        ThenRefused(CorrectCostEndpoint.Decide(new CorrectCost(new Money(1m, Currency.GBP), "x"), withdrawn, Line(1), Now), "is withdrawn");
        ThenRefused(WithdrawCostEndpoint.Decide(new WithdrawCost("x"), GivenFinance(Final), Line(7), Now), "no cost line");
        ThenAccepted(CorrectCostEndpoint.Decide(new CorrectCost(new Money(900m, Currency.GBP), " Credit note "), GivenFinance(Final),
            Line(1), Now), new CostCorrected(FlightId, Line(1), new Money(900m, Currency.GBP), "Credit note", Now));
    }

    [Fact]
    public void The_rate_is_fixed_once_and_replaced_only_with_a_reason()
    {
        var command = new FixExchangeRate(1.1654m, new DateOnly(2026, 6, 30), "ECB");
        Assert.Null(FixExchangeRateEndpoint.Decide(command, GivenFinance(), Now).Refusal);
        ThenRefused(FixExchangeRateEndpoint.Decide(command, GivenFinance(Rate()), Now), "already fixed (1.285714 EUR per GBP");
        Assert.Null(FixExchangeRateEndpoint.Decide(command with { Reason = "Wrong day" }, GivenFinance(Rate()), Now).Refusal);
    }

    [Theory]
    [InlineData("1.2857", true)]
    [InlineData("1.285714", true)]
    [InlineData("1.2857140", true)]
    [InlineData("1.285", false)]
    [InlineData("1.2857143", false)]
    [InlineData("0.0000", false)]
    public void A_rate_has_4_to_6_decimal_places_and_is_positive(string rate, bool valid)
    {
        IValidator<FixExchangeRate> validator = new FixExchangeRate.Validator();
        var result = validator.Validate(new FixExchangeRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture),
            new DateOnly(2026, 6, 30), "ECB"));
        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void Settlements_go_from_debtor_to_creditor_in_the_settlement_currency_and_never_exceed_the_outstanding_balance()
    {
        var finance = GivenFinance(Final);
        RecordSettlement Pay(decimal amount, Currency currency = Currency.GBP) =>
            new(new Money(amount, currency), "T-1", new DateOnly(2026, 6, 30));
        ThenAccepted(RecordSettlementEndpoint.Decide(Pay(500m), finance, Case(1), Now),
            new SettlementRecorded(FlightId, Case(1), State.FR, State.UK, new Money(500m, Currency.GBP), "T-1", new DateOnly(2026, 6, 30), Now));
        ThenRefused(RecordSettlementEndpoint.Decide(Pay(500.01m), finance, Case(1), Now), "FR owes UK 500");
        ThenRefused(RecordSettlementEndpoint.Decide(Pay(10m, Currency.EUR), finance, Case(1), Now), "settlement currency, GBP");
        ThenRefused(RecordSettlementEndpoint.Decide(Pay(1m), GivenFinance(Split(SplitBasis.FixedRatio)), Case(1), Now),
            "not final (Awaiting rate)");
    }

    [Fact]
    public void An_overpaid_debtor_is_refunded_by_the_creditor()
    {
        var overpaid = GivenFinance([.. Final,
            new SettlementRecorded(FlightId, Case(1), State.FR, State.UK, new Money(500m, Currency.GBP), "T", new DateOnly(2026, 6, 1), Now),
            new CostWithdrawn(FlightId, Line(1), "Invoice cancelled", Now), Cost(2, 600m, Currency.GBP, State.UK)]);
        var refund = RecordSettlementEndpoint.Decide(new RecordSettlement(new Money(200m, Currency.GBP), "R-1", new DateOnly(2026, 6, 30)),
            overpaid, Case(2), Now);
        Assert.Equal((State.UK, State.FR), (((SettlementRecorded)refund.Events[0]).Payer, ((SettlementRecorded)refund.Events[0]).Payee));
    }

    [Fact]
    public void Each_state_confirms_the_final_figures_once_and_any_later_change_withdraws_its_confirmation()
    {
        ThenRefused(ConfirmCostShareEndpoint.Decide(GivenFinance(Split(SplitBasis.FixedRatio)), State.UK, Now), "not final");
        var confirmed = GivenFinance([.. Final, new CostShareConfirmed(FlightId, State.UK, Now)]);
        ThenRefused(ConfirmCostShareEndpoint.Decide(confirmed, State.UK, Now), "already confirmed");
        var changed = FlightFinance.Fold(confirmed, new CostCorrected(FlightId, Line(1), new Money(1m, Currency.GBP), "x", Now));
        Assert.Empty(changed.ConfirmedBy);
        Assert.Null(ConfirmCostShareEndpoint.Decide(changed, State.UK, Now).Refusal);
    }
}
