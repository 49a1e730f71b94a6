using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Periods;
using CalaisReturns.Finance.Periods.Closing;
using CalaisReturns.Finance.Periods.Reopening;
using CalaisReturns.Finance.Reporting;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

public class PeriodClosingTests
{
    private static readonly Period July = Period.Parse("2026-07")!;
    private static readonly DateTimeOffset August = new(2026, 8, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = PeriodClosure.IdFor(July);

    private static readonly object[] Reconciled =
    [
        .. Split(SplitBasis.FixedRatio), Rate(), Cost(1, 1000m, Currency.GBP, State.UK),
        new SettlementRecorded(FlightId, Case(1), State.FR, State.UK, new Money(500m, Currency.GBP), "T", new DateOnly(2026, 7, 30), Now),
        new CostShareConfirmed(FlightId, State.UK, Now), new CostShareConfirmed(FlightId, State.FR, Now),
    ];

    private static PeriodClosure Given(params object[] events) => events.Aggregate((PeriodClosure?)null, PeriodClosure.Fold)!;

    [Fact]
    public void A_month_closes_once_it_has_ended_and_its_flights_are_reconciled_when_both_states_have_closed_it()
    {
        var reconciled = GivenFinance(Reconciled);
        ThenRefused(CloseMonthEndpoint.Decide(null, July, State.UK, [reconciled], July.To.AddTicks(-1)), "has not ended yet");
        ThenRefused(CloseMonthEndpoint.Decide(null, July, State.UK, [GivenFinance([.. Split(SplitBasis.FixedRatio), Rate(),
            Cost(1, 1000m, Currency.GBP, State.UK)])], August), "not reconciled yet: RF-2026-0001");
        ThenAccepted(CloseMonthEndpoint.Decide(null, July, State.UK, [reconciled], August), new MonthClosedBy(Id, "2026-07", State.UK, August));

        var byUk = Given(new MonthClosedBy(Id, "2026-07", State.UK, August));
        ThenRefused(CloseMonthEndpoint.Decide(byUk, July, State.UK, [reconciled], August), "UK has already closed 2026-07");
        ThenAccepted(CloseMonthEndpoint.Decide(byUk, July, State.FR, [reconciled], August),
            new MonthClosedBy(Id, "2026-07", State.FR, August), new MonthClosed(Id, "2026-07", 1, August));
        ThenRefused(CloseMonthEndpoint.Decide(Given(new MonthClosedBy(Id, "2026-07", State.UK, August), new MonthClosedBy(Id, "2026-07", State.FR, August),
            new MonthClosed(Id, "2026-07", 1, August)), July, State.FR, [reconciled], August), "already closed");
    }

    [Fact]
    public void A_cancelled_flight_with_nothing_recorded_has_nothing_to_reconcile_and_other_months_flights_do_not_count()
    {
        ThenAccepted(CloseMonthEndpoint.Decide(null, July, State.FR, [GivenFinance(Cancelled())], August),
            new MonthClosedBy(Id, "2026-07", State.FR, August));
        var june = Period.Parse("2026-06")!;
        Assert.Null(CloseMonthEndpoint.Decide(null, june, State.FR, [GivenFinance(Cost(1, 5m, Currency.GBP, State.UK))], August).Refusal);
        ThenRefused(CloseMonthEndpoint.Decide(null, July, State.FR, [GivenFinance(Cancelled(), Cost(1, 5m, Currency.GBP, State.UK))], August),
            "not reconciled");
    }

    [Fact]
    public void A_closed_month_reopens_only_when_both_states_have_asked_with_their_reasons()
    {
        var closed = Given(new MonthClosedBy(Id, "2026-07", State.UK, August), new MonthClosedBy(Id, "2026-07", State.FR, August),
            new MonthClosed(Id, "2026-07", 1, August));
        var ask = new ReopenMonth(" Carrier's credit note ");
        ThenRefused(ReopenMonthEndpoint.Decide(ask, null, July, State.UK, August), "is not closed");
        ThenAccepted(ReopenMonthEndpoint.Decide(ask, closed, July, State.UK, August),
            new MonthReopeningAsked(Id, "2026-07", State.UK, "Carrier's credit note", August));
        var asked = Given(new MonthClosedBy(Id, "2026-07", State.UK, August), new MonthClosedBy(Id, "2026-07", State.FR, August),
            new MonthClosed(Id, "2026-07", 1, August), new MonthReopeningAsked(Id, "2026-07", State.UK, "x", August));
        Assert.True(asked.Closed);
        ThenRefused(ReopenMonthEndpoint.Decide(ask, asked, July, State.UK, August), "already asked");
        ThenAccepted(ReopenMonthEndpoint.Decide(ask, asked, July, State.FR, August),
            new MonthReopeningAsked(Id, "2026-07", State.FR, "Carrier's credit note", August), new MonthReopened(Id, "2026-07", 1, August));

        var reopened = Given(new MonthClosedBy(Id, "2026-07", State.UK, August), new MonthClosedBy(Id, "2026-07", State.FR, August),
            new MonthClosed(Id, "2026-07", 1, August), new MonthReopeningAsked(Id, "2026-07", State.UK, "x", August),
            new MonthReopeningAsked(Id, "2026-07", State.FR, "x", August), new MonthReopened(Id, "2026-07", 1, August));
        Assert.Equal((false, 1, 0), (reopened.Closed, reopened.Closing, reopened.ClosedBy.Count));
        Assert.Equal([new MonthClosedBy(Id, "2026-07", State.UK, August), new MonthClosed(Id, "2026-07", 2, August)],
            CloseMonthEndpoint.Decide(reopened with { ClosedBy = [State.FR] }, July, State.UK, [GivenFinance(Reconciled)], August).Events);
    }

    [Fact]
    public void A_change_to_a_flight_of_a_closed_month_needs_a_reason()
    {
        var finance = GivenFinance(Reconciled);
        var decision = Decision.Accept(new CostShareConfirmed(FlightId, State.UK, Now));
        ThenRefused(ClosedMonths.Guard(true, finance, " ", () => decision), "RF-2026-0001 (2026-07) is closed: give the reason");
        Assert.Same(decision, ClosedMonths.Guard(true, finance, "Credit note", () => decision));
        Assert.Same(decision, ClosedMonths.Guard(false, finance, null, () => decision));
    }

    private static ReportFlight Flight(Guid id, string reference, decimal sharedTotal, decimal ukShare, Currency currency = Currency.GBP) =>
        new(id, reference, "AL", Now, false, 10, CostShareStatus.Reconciled, currency, sharedTotal,
            [new ReportStateFigures(State.UK, ukShare, sharedTotal, ukShare - sharedTotal, 0m),
                new ReportStateFigures(State.FR, sharedTotal - ukShare, 0m, sharedTotal - ukShare, 0m)], null);

    [Fact]
    public void An_adjustment_is_the_change_since_the_closed_report_less_what_was_already_reported()
    {
        var (a, b, c) = (Case(1), Case(2), Case(3));
        var closed = new[] { Flight(a, "RF-A", 1000m, 500m), Flight(b, "RF-B", 200m, 100m) };
        Assert.Empty(Adjustments.Deltas("2026-07", closed, closed, []));

        var now = new[] { Flight(a, "RF-A", 900m, 450m), Flight(c, "RF-C", 300m, 150m, Currency.EUR) };
        var deltas = Adjustments.Deltas("2026-07", closed, now, []).ToList();
        Assert.Equal([("RF-A", Currency.GBP, -100m, -50m), ("RF-B", Currency.GBP, -200m, -100m), ("RF-C", Currency.EUR, 300m, 150m)],
            deltas.Select(d => (d.Reference, d.Currency, d.SharedTotal, d.States[0].Share)));

        // What a later closed month already reported is not reported again; only what changed since.
        var later = new[] { Flight(a, "RF-A", 850m, 425m), Flight(c, "RF-C", 300m, 150m, Currency.EUR) };
        Assert.Equal([("RF-A", -50m, -25m)], Adjustments.Deltas("2026-07", closed, later, deltas)
            .Select(d => (d.Reference, d.SharedTotal, d.States[0].Share)));

        // A flight whose settlement currency changed is reversed in the old and added in the new.
        Assert.Equal([(Currency.GBP, -1000m), (Currency.EUR, 1200m)],
            Adjustments.Deltas("2026-07", [closed[0]], [Flight(a, "RF-A", 1200m, 600m, Currency.EUR)], []).Select(d => (d.Currency, d.SharedTotal)));
    }
}
