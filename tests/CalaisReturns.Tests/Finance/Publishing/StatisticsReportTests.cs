using CalaisReturns.Core;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Publishing;
using static CalaisReturns.Tests.Finance.FinanceSpec;
using static CalaisReturns.Tests.Flights.FlightSpec;

namespace CalaisReturns.Tests.Finance.Publishing;

/// <summary>Given flights, when a year's statistics are built, then what each country's row and the total publish.</summary>
public class StatisticsReportTests
{
    /// <summary>Long after every flight here: none is yet to fly.</summary>
    private static readonly DateTimeOffset Later = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset June = new(2027, 6, 10, 6, 0, 0, TimeSpan.Zero);

    private static IEnumerable<StatisticsFlight> Flights(int count, string country, DateTimeOffset departure, int returnees = 0,
        decimal? pounds = 1_000m, bool cancelled = false) =>
        Enumerable.Repeat(new StatisticsFlight(country, cancelled, departure, returnees, pounds is { } p ? new PoundsAndEuros(p, p * 1.2m) : null),
            count);

    private static StatisticsReport Build(string year, IEnumerable<StatisticsFlight> flights, DateTimeOffset? now = null) =>
        StatisticsReport.Build(FiscalYear.Parse(year)!, flights, now ?? Later);

    private static int?[] FlightsPerCountry(StatisticsReport report) => [.. report.Countries.Select(c => c.Flights.Value)];

    [Fact]
    public void Given_departures_either_side_of_new_year_and_of_1_April_When_built_Then_each_counts_in_the_years_of_its_UTC_departure()
    {
        StatisticsFlight[] flights =
        [
            .. Flights(5, "AL", new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)),
            .. Flights(6, "AL", new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1))),  // 2026-12-31 23:30 UTC
            .. Flights(7, "AL", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            .. Flights(5, "XK", new DateTimeOffset(2027, 3, 31, 23, 30, 0, TimeSpan.Zero)),
            .. Flights(8, "XK", new DateTimeOffset(2027, 4, 1, 0, 30, 0, TimeSpan.FromHours(2))),  // 2027-03-31 22:30 UTC
            .. Flights(9, "XK", new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero)),
        ];

        Assert.Equal([11], FlightsPerCountry(Build("2026", flights)));
        Assert.Equal([7, 22], FlightsPerCountry(Build("2027", flights)));
        Assert.Equal([18, 13], FlightsPerCountry(Build("2026-27", flights)));
        Assert.Equal([9], FlightsPerCountry(Build("2027-28", flights)));
        var fiscal = Build("2027-28", flights);
        Assert.Equal(("2027-28", new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 4, 1, 0, 0, 0, TimeSpan.Zero)),
            (fiscal.Year, fiscal.From, fiscal.To));
    }

    [Fact]
    public void Given_flights_settled_in_pounds_and_in_euros_When_counted_Then_each_costs_its_shared_total_and_national_costs_in_both_at_its_own_rate()
    {
        // £1,000 shared, €115 of external funding (£100) and €300 of French national escorts (£260.87) at €1.15 to the pound.
        var pounds = GivenFinance([.. Split(SplitBasis.FixedRatio, Currency.GBP), Rate(1.15m), Cost(1, 1_000m, Currency.GBP, State.UK),
            Cost(2, 300m, Currency.EUR, State.FR, shared: false, category: CostCategory.Escorts),
            new ExternalFundingReceived(FlightId, Case(7), "Frontex", State.FR, new Money(115m, Currency.EUR), "FX-1", Now)]);
        var euros = GivenFinance([.. Split(SplitBasis.FixedRatio, Currency.EUR), Rate(1.15m), Cost(1, 1_000m, Currency.EUR, State.FR)]);
        var unsplit = GivenFinance(Rate(1.15m), Cost(1, 1_000m, Currency.EUR, State.FR));

        Assert.Equal(new PoundsAndEuros(1_160.87m, 1_335.00m), StatisticsFlight.Of(ReportedFlight.Of(pounds), pounds.Rate).Cost);
        Assert.Equal(new PoundsAndEuros(869.57m, 1_000m), StatisticsFlight.Of(ReportedFlight.Of(euros), euros.Rate).Cost);
        Assert.Null(StatisticsFlight.Of(ReportedFlight.Of(unsplit), unsplit.Rate).Cost);
    }

    [Fact]
    public void Given_cancelled_flights_When_built_Then_they_are_cancellations_not_flights_and_their_costs_count_in_both_costs()
    {
        var report = Build("2027", [.. Flights(6, "AL", June, returnees: 10), .. Flights(5, "AL", June, pounds: 100m, cancelled: true)]);

        var albania = report.Countries.Single();
        Assert.Equal((6, 60, 5), (albania.Flights.Value, albania.ReturneesFlown.Value, albania.Cancellations.Value));
        Assert.Equal(new PoundsAndEuros(6_500m, 7_800m), albania.TotalCost);
        Assert.Equal(new PoundsAndEuros(500m, 600m), albania.CancellationCost);
        Assert.Equal(new PerReturneeCost(108.33m, 130m, null), albania.CostPerReturnee);
        Assert.False(albania.Provisional);
    }

    [Fact]
    public void Given_a_flight_without_final_figures_When_built_Then_it_is_counted_its_cost_left_out_and_the_row_provisional()
    {
        var report = Build("2027", [.. Flights(6, "AL", June, returnees: 10), .. Flights(1, "AL", June, returnees: 10, pounds: null),
            .. Flights(5, "XK", June, returnees: 10)]);

        var (albania, kosovo) = (report.Countries[0], report.Countries[1]);
        Assert.Equal((7, 70), (albania.Flights.Value, albania.ReturneesFlown.Value));
        Assert.Equal(new PoundsAndEuros(6_000m, 7_200m), albania.TotalCost);
        Assert.Equal((true, Omission.Provisional), (albania.Provisional, albania.CostPerReturnee.Omitted));
        Assert.Equal((false, 100m), (kosovo.Provisional, kosovo.CostPerReturnee.Gbp));
        Assert.Equal((true, Omission.Provisional, 11_000m), (report.Total.Provisional, report.Total.CostPerReturnee.Omitted, report.Total.TotalCost.Gbp));
    }

    [Fact]
    public void Given_a_flight_yet_to_fly_When_built_during_the_year_Then_its_row_is_provisional_and_the_year_in_progress()
    {
        var report = Build("2027", [.. Flights(5, "AL", June, returnees: 10), .. Flights(5, "XK", June.AddMonths(3))], now: June.AddDays(1));

        Assert.True(report.YearInProgress);
        Assert.Equal([false, true], report.Countries.Select(c => c.Provisional));
        Assert.Equal(Omission.NoReturnees, Build("2027", Flights(5, "XK", June)).Countries.Single().CostPerReturnee.Omitted);
        Assert.False(Build("2027", Flights(5, "XK", June)).YearInProgress);
    }

    [Fact]
    public void Given_a_small_number_of_returnees_When_built_Then_it_and_a_complement_are_withheld_with_their_costs_per_returnee()
    {
        var report = Build("2027", [.. Flights(5, "AL", June, returnees: 8), .. Flights(5, "GE", June, returnees: 20),
            .. Flights(5, "XK", June, returnees: 0), .. Flights(1, "XK", June, returnees: 3)]);

        var returnees = report.Countries.Select(c => (c.ReturneesFlown.Value, c.ReturneesFlown.Disclosure, c.CostPerReturnee.Omitted)).ToList();
        Assert.Equal((null, Disclosure.Withheld, Omission.Withheld), returnees[0]);
        Assert.Equal((100, Disclosure.Shown, null), returnees[1]);
        Assert.Equal((null, Disclosure.Small, Omission.Withheld), returnees[2]);
        Assert.Equal(143, report.Total.ReturneesFlown.Value);
        Assert.Equal(new PerReturneeCost(111.89m, 134.27m, null), report.Total.CostPerReturnee);
        Assert.Equal((5, 6), (report.Countries[0].Flights.Value, report.Countries[2].Flights.Value));
    }

    [Fact]
    public void Given_no_flight_in_the_year_When_built_Then_there_are_no_countries_and_the_total_is_nothing()
    {
        var report = Build("2027-28", Flights(5, "AL", June.AddYears(-1)));

        Assert.Empty(report.Countries);
        Assert.Equal((0, 0, PoundsAndEuros.Zero, Omission.NoReturnees),
            (report.Total.Flights.Value, report.Total.Cancellations.Value, report.Total.TotalCost, report.Total.CostPerReturnee.Omitted));
        Assert.Null(report.Total.CountryOfReturn);
    }
}
