using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Budgets;
using CalaisReturns.Finance.Budgets.Reporting;
using CalaisReturns.Finance.Budgets.Setting;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

public class BudgetTests
{
    private static readonly FiscalYear Uk2026 = FiscalYear.Parse(State.UK, "2026-27")!;

    [Theory]
    [InlineData("UK", "2026-27", "2026-04-01", "2027-04-01")]
    [InlineData("FR", "2026", "2026-01-01", "2027-01-01")]
    [InlineData("UK", "1999-00", "1999-04-01", "2000-04-01")]
    public void A_fiscal_year_is_the_UKs_April_to_March_or_Frances_calendar_year(string state, string name, string from, string to)
    {
        var year = FiscalYear.Parse(Enum.Parse<State>(state), name)!;
        Assert.Equal((name, DateTimeOffset.Parse(from + "T00:00:00Z"), DateTimeOffset.Parse(to + "T00:00:00Z")), (year.Name, year.From, year.To));
    }

    [Theory]
    [InlineData("UK", "2026")]
    [InlineData("FR", "2026-27")]
    [InlineData("UK", "2026-28")]
    [InlineData("UK", "26-27")]
    [InlineData("FR", "")]
    public void Each_state_names_its_fiscal_years_its_own_way(string state, string name) =>
        Assert.Null(FiscalYear.Parse(Enum.Parse<State>(state), name));

    [Fact]
    public void A_departure_falls_in_the_fiscal_year_of_its_UTC_date()
    {
        Assert.Equal("2025-26", FiscalYear.Of(State.UK, new DateTimeOffset(2026, 3, 31, 23, 59, 0, TimeSpan.Zero)).Name);
        // Half past midnight on 1 April in London is still 31 March in UTC.
        Assert.Equal("2025-26", FiscalYear.Of(State.UK, new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.FromHours(1))).Name);
        Assert.Equal("2026-27", FiscalYear.Of(State.UK, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).Name);
        Assert.Equal("2026", FiscalYear.Of(State.FR, new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)).Name);
    }

    [Fact]
    public void A_budget_is_set_once_plainly_and_changed_only_with_a_reason()
    {
        var id = Budget.IdFor(Uk2026);
        ThenAccepted(SetBudgetEndpoint.Decide(new SetBudget(2_500_000m), null, Uk2026, Now),
            new BudgetSet(id, State.UK, "2026-27", new Money(2_500_000m, Currency.GBP), null, Now));
        var set = Budget.Fold(null, new BudgetSet(id, State.UK, "2026-27", new Money(2_500_000m, Currency.GBP), null, Now));
        ThenRefused(SetBudgetEndpoint.Decide(new SetBudget(2_400_000m), set, Uk2026, Now), "give a reason");
        ThenRefused(SetBudgetEndpoint.Decide(new SetBudget(2_500_000m, "Same"), set, Uk2026, Now), "already");
        ThenAccepted(SetBudgetEndpoint.Decide(new SetBudget(2_400_000m, " Spending review "), set, Uk2026, Now),
            new BudgetSet(id, State.UK, "2026-27", new Money(2_400_000m, Currency.GBP), "Spending review", Now));
        Assert.NotNull(SetBudgetEndpoint.Forbid(new Actor("f", "F", Role.Finance, State.FR), Uk2026));
        Assert.NotEqual(Budget.IdFor(Uk2026), Budget.IdFor(FiscalYear.Parse(State.FR, "2026")!));
    }

    [Fact]
    public void Before_a_split_a_flight_commits_its_contract_price_by_seats_and_its_own_national_costs()
    {
        // Booked at £174,468 with 60 UK and 40 FR seats; France's national escorts recorded in euros.
        var line = BudgetLine.Of(GivenFinance(Booked(), Allocated(60, 40), Cost(1, 1_000m, Currency.EUR, State.FR, shared: false,
            category: CostCategory.Escorts)));
        Assert.Equal([new Money(104_680.80m, Currency.GBP)], line.States.Single(s => s.State == State.UK).Amounts);
        Assert.Equal([new Money(69_787.20m, Currency.GBP), new Money(1_000m, Currency.EUR)], line.States.Single(s => s.State == State.FR).Amounts);
        Assert.All(line.States, s => Assert.False(s.Final));

        // Once the charter's cost is recorded, it replaces the contract price; a cancelled flight commits no contract.
        var recorded = BudgetLine.Of(GivenFinance(Booked(), Allocated(60, 40), Cost(1, 170_000m, Currency.GBP, State.UK)));
        Assert.Equal([new Money(102_000m, Currency.GBP)], recorded.States.Single(s => s.State == State.UK).Amounts);
        Assert.All(BudgetLine.Of(GivenFinance(Booked(), Allocated(60, 40), Cancelled())).States, s => Assert.Empty(s.Amounts));
    }

    [Fact]
    public void Agreed_and_converted_a_flight_commits_its_share_and_national_costs_and_once_reconciled_they_are_actual()
    {
        object[] final = [Booked(), .. Split(SplitBasis.FixedRatio), Rate(1.2m), Cost(1, 1_000m, Currency.GBP, State.UK),
            Cost(2, 120m, Currency.EUR, State.FR, shared: false, category: CostCategory.Escorts)];
        var open = BudgetLine.Of(GivenFinance(final));
        Assert.Equal([new Money(500m, Currency.GBP)], open.States[0].Amounts);
        Assert.Equal([new Money(600m, Currency.GBP)], open.States[1].Amounts);
        var reconciled = BudgetLine.Of(GivenFinance([.. final,
            new SettlementRecorded(FlightId, Case(1), State.FR, State.UK, new Money(500m, Currency.GBP), "T", new DateOnly(2026, 6, 1), Now),
            new CostShareConfirmed(FlightId, State.UK, Now), new CostShareConfirmed(FlightId, State.FR, Now)]));
        Assert.All(reconciled.States, s => Assert.True(s.Final));
    }

    private static BudgetLine Line(int n, decimal pounds, DateTimeOffset? bookedAt, bool final = false, decimal? euros = null,
        ExchangeRate? rate = null) =>
        new(Case(n), $"RF-2026-000{n}", new DateTimeOffset(2026, 9, n, 6, 0, 0, TimeSpan.Zero), bookedAt, rate,
            [new StateCost(State.UK, final, [new Money(pounds, Currency.GBP), .. euros is { } e ? [new Money(e, Currency.EUR)] : Array.Empty<Money>()])]);

    [Fact]
    public void The_budget_counts_committed_and_actual_at_each_flights_rate_and_flags_the_booking_that_took_it_over()
    {
        var budget = new Budget(Budget.IdFor(Uk2026), State.UK, "2026-27", new Money(1_000m, Currency.GBP), Now) { Version = 2 };
        var lines = new[]
        {
            Line(3, 300m, Now.AddDays(3)),
            Line(1, 400m, Now.AddDays(1), final: true),
            Line(2, 100m, Now.AddDays(2), euros: 230m),                                              // £100 + €230 at 1.15: £300
            Line(4, 0m, null),                                                                       // not booked: takes nothing
            Line(5, 50m, Now.AddDays(5), euros: 120m, rate: new ExchangeRate(1.2m, new DateOnly(2026, 6, 30), "ECB")), // £150
        };
        var report = BudgetReport.Compute(Uk2026, budget, lines, 1.15m);
        Assert.Equal(["RF-2026-0001", "RF-2026-0002", "RF-2026-0003", "RF-2026-0005", "RF-2026-0004"], report.Flights.Select(f => f.Reference));
        Assert.Equal([400m, 300m, 300m, 150m, 0m], report.Flights.Select(f => f.Amount));
        Assert.Equal((400m, 750m, -150m), (report.Actual, report.Committed, report.Remaining));
        Assert.Equal([null, null, null, 150m, null], report.Flights.Select(f => f.Overrun));
        Assert.Equal((true, false), (report.Flights[1].Rate!.Planning, report.Flights[3].Rate!.Planning));
        Assert.Null(report.Flights[0].Rate);

        var unset = BudgetReport.Compute(Uk2026, null, lines, 1.15m);
        Assert.Equal((null, null, 1_150m), (unset.Amount, unset.Remaining, unset.Committed + unset.Actual));
        Assert.Empty(unset.Exceeding);
        Assert.Empty(BudgetReport.Compute(FiscalYear.Parse(State.UK, "2027-28")!, budget, lines, 1.15m).Flights);
    }
}
