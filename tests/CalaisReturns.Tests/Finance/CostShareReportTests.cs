using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Flights;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance;

public class CostShareReportTests
{
    private static FlightFinance Flight(int n, DateTimeOffset departure, Currency currency, decimal ukCost, decimal frCost,
        string country = "AL", params object[] more)
    {
        var id = Case(9000 + n);
        var planned = Planned() with { FlightId = id, Reference = $"RF-2026-{n:0000}", ScheduledDeparture = departure, CountryOfReturn = country };
        object[] events = [Booked(), Allocated(6, 4), .. Split(SplitBasis.PerSeatAllocated, currency), Rate(1.15m),
            Cost(1, ukCost, Currency.GBP, State.UK), Cost(2, frCost, Currency.EUR, State.FR), .. more];
        return events.Aggregate(FlightFinance.Fold(null, planned), FlightFinance.Fold) with { Id = id };
    }

    private static readonly DateTimeOffset July = new(2026, 7, 20, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset September = new(2026, 9, 30, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_period_report_is_the_exact_sum_of_its_flights_cost_shares_per_settlement_currency()
    {
        FlightFinance[] flights =
        [
            Flight(1, July, Currency.GBP, 1000.01m, 333.33m, more: [Departed(3, 2)]),
            Flight(2, September, Currency.GBP, 5000m, 0.07m, "XK"),
            Flight(3, September, Currency.EUR, 10m, 2000m),
            Flight(4, July.AddMonths(3), Currency.GBP, 99m, 99m),
        ];
        var report = CostShareReport.Build(Period.Parse("2026-Q3")!, flights);

        Assert.Equal((3, 0, 5), (report.Flights, report.FlightsNotFinal, report.ReturneesFlown));
        var pounds = report.Currencies.Single(c => c.Currency == Currency.GBP);
        var perFlight = flights.Take(2).Select(f => CostShare.Compute(f).Totals!).ToList();
        Assert.Equal(perFlight.Sum(t => t.SharedTotal), pounds.SharedTotal);
        Assert.Equal(pounds.SharedTotal, pounds.States.Sum(s => s.Share));
        Assert.Equal(pounds.SharedTotal, pounds.States.Sum(s => s.Paid));
        Assert.Equal(0m, pounds.States.Sum(s => s.Balance));
        Assert.Equal(perFlight.Sum(t => t.States[0].Share), pounds.States[0].Share);
        Assert.Equal(MoneyMath.Round(pounds.SharedTotal / 5), pounds.CostPerReturneeFlown);
        Assert.Equal(["AL", "XK"], pounds.Countries.Select(c => c.CountryOfReturn));
        Assert.Equal(pounds.SharedTotal, pounds.Categories.Sum(c => c.Shared));
        Assert.Equal(1, report.Currencies.Single(c => c.Currency == Currency.EUR).Flights);
        Assert.Equal(["RF-2026-0001", "RF-2026-0002", "RF-2026-0003"], report.FlightList.Select(f => f.Reference));
    }

    [Fact]
    public void The_net_position_says_who_owes_whom_and_settlements_reduce_what_is_outstanding()
    {
        var settled = Flight(1, July, Currency.GBP, 1000m, 0m, more:
        [
            new SettlementRecorded(FlightId, Case(1), State.FR, State.UK, new Money(100m, Currency.GBP), "T", new DateOnly(2026, 7, 1), Now),
        ]);
        var report = CostShareReport.Build(Period.Parse("2026-07")!, [settled]);
        var pounds = report.Currencies.Single();
        Assert.Equal(new Owing(State.FR, State.UK, 400m), pounds.NetPosition);
        Assert.Equal(new Owing(State.FR, State.UK, 300m), pounds.Outstanding);
        Assert.Equal(new Owing(State.FR, State.UK, 300m), report.FlightList.Single().Outstanding);
    }

    [Fact]
    public void Flights_without_final_figures_are_listed_but_not_summed()
    {
        var noSplit = new object[] { Cost(1, 50m, Currency.GBP, State.UK) }
            .Aggregate(FlightFinance.Fold(null, Planned() with { ScheduledDeparture = July }), FlightFinance.Fold);
        var report = CostShareReport.Build(Period.Parse("2026")!, [noSplit]);
        Assert.Equal((1, 1), (report.Flights, report.FlightsNotFinal));
        Assert.Empty(report.Currencies);
        Assert.Equal(CostShareStatus.AwaitingSplit, report.FlightList.Single().Status);
    }

    [Theory]
    [InlineData("2026-09-30T23:00:00Z", "2026-09", "2026-Q3", "2026")]
    [InlineData("2026-10-01T00:00:00+02:00", "2026-09", "2026-Q3", "2026")]
    [InlineData("2027-01-01T00:00:00Z", "2027-01", "2027-Q1", "2027")]
    public void Periods_are_the_month_quarter_and_year_of_the_departure_in_UTC(string departure, string month, string quarter,
        string year) =>
        Assert.Equal([month, quarter, year], Period.Of(DateTimeOffset.Parse(departure)).Select(p => p.Name));

    [Fact]
    public void A_rescheduled_flight_reports_in_its_new_period() =>
        Assert.Equal((0, 1), (CostShareReport.Build(Period.Parse("2026-07")!, [Flight(1, July, Currency.GBP, 1m, 1m,
                more: [new FlightRescheduled(FlightId, September, "Slot", Now)])]).Flights,
            CostShareReport.Build(Period.Parse("2026-09")!, [Flight(1, July, Currency.GBP, 1m, 1m,
                more: [new FlightRescheduled(FlightId, September, "Slot", Now)])]).Flights));
}
