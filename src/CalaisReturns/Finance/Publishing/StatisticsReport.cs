using CalaisReturns.Finance.Reporting;

namespace CalaisReturns.Finance.Publishing;

/// <summary>An amount in pounds and in euros.</summary>
public sealed record PoundsAndEuros(decimal Gbp, decimal Eur)
{
    public static readonly PoundsAndEuros Zero = new(0m, 0m);

    public PoundsAndEuros Plus(PoundsAndEuros other) => new(Gbp + other.Gbp, Eur + other.Eur);
}

/// <summary>A count as published: the count, or null where <see cref="Disclosure"/> says it is withheld.</summary>
public sealed record PublishedCount(int? Value, Disclosure Disclosure);

/// <summary>Why no cost per returnee is given.</summary>
public enum Omission
{
    /// <summary>The number of returnees it is divided by is withheld, so it is too.</summary>
    Withheld,

    /// <summary>Some flights have not flown yet or their costs are not final.</summary>
    Provisional,

    /// <summary>Nobody was flown.</summary>
    NoReturnees,
}

/// <param name="Omitted">Why there is none: the amounts are then null.</param>
public sealed record PerReturneeCost(decimal? Gbp, decimal? Eur, Omission? Omitted);

/// <summary>
/// One country of return's figures, or the total's (<see cref="CountryOfReturn"/> null). Flights are those not cancelled
/// (flown, or yet to fly); cancellations the cancelled ones. Costs are those of the flights whose figures are final, both
/// cancelled and not; <see cref="Provisional"/> says some flight has not flown yet or has no final figures.
/// </summary>
public sealed record StatisticsRow(
    string? CountryOfReturn,
    PublishedCount Flights,
    PublishedCount ReturneesFlown,
    PublishedCount Cancellations,
    PoundsAndEuros TotalCost,
    PerReturneeCost CostPerReturnee,
    PoundsAndEuros CancellationCost,
    bool Provisional);

/// <summary>
/// One flight as the statistics count it: its country of return, whether it was cancelled or has yet to fly, who it
/// flew, and its cost — the shared total (net of external funding) plus both states' national costs — in pounds and in
/// euros (null while its figures are not final): in its settlement currency as its cost share has it, and converted
/// into the other at the flight's own fixed rate, rounded to the minor unit.
/// </summary>
public sealed record StatisticsFlight(string CountryOfReturn, bool Cancelled, DateTimeOffset ScheduledDeparture, int ReturneesFlown,
    PoundsAndEuros? Cost)
{
    public static StatisticsFlight Of(ReportedFlight flight, ExchangeRate? rate) =>
        new(flight.CountryOfReturn, flight.Cancelled, flight.ScheduledDeparture, flight.ReturneesFlown,
            flight.Final && flight.Totals is { } totals && rate is not null
                ? Both(new Money(totals.SharedTotal + totals.NationalCosts, flight.SettlementCurrency!.Value), rate)
                : null);

    private static PoundsAndEuros Both(Money cost, ExchangeRate rate) => new(
        MoneyMath.Round(ExchangeRate.Convert(cost, Currency.GBP, rate)!.Value),
        MoneyMath.Round(ExchangeRate.Convert(cost, Currency.EUR, rate)!.Value));
}

/// <summary>
/// A year's published statistics — the calendar year (France's fiscal year, <c>2027</c>) or the UK's fiscal year
/// (<c>2027-28</c>) of the scheduled departure, in UTC — by country of return, with the total row. Counts are
/// suppressed (<see cref="Suppression"/>) column by column; a cost per returnee is withheld with the count it is divided
/// by. It holds no personal data and no flight's reference: nothing per flight.
/// </summary>
public sealed record StatisticsReport(
    string Year,
    DateTimeOffset From,
    DateTimeOffset To,
    bool YearInProgress,
    IReadOnlyList<StatisticsRow> Countries,
    StatisticsRow Total)
{
    private sealed record Tally(string? Country, int Flights, int Returnees, int Cancellations, PoundsAndEuros Cost,
        PoundsAndEuros CancellationCost, bool Provisional);

    /// <summary>The year's flights (others are left out) summed per country, then suppressed; at an instant (what has flown).</summary>
    public static StatisticsReport Build(FiscalYear year, IEnumerable<StatisticsFlight> flights, DateTimeOffset now)
    {
        var tallies = flights.Where(f => year.Contains(f.ScheduledDeparture))
            .GroupBy(f => f.CountryOfReturn).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, [.. g], now))
            .ToList();
        var total = new Tally(null, tallies.Sum(t => t.Flights), tallies.Sum(t => t.Returnees), tallies.Sum(t => t.Cancellations),
            Sum(tallies.Select(t => t.Cost)), Sum(tallies.Select(t => t.CancellationCost)), tallies.Any(t => t.Provisional));

        var flown = Suppression.Column([.. tallies.Select(t => t.Flights)]);
        var returnees = Suppression.Column([.. tallies.Select(t => t.Returnees)]);
        var cancelled = Suppression.Column([.. tallies.Select(t => t.Cancellations)]);
        var rows = tallies.Select((t, i) => Row(t, flown.Cells[i], returnees.Cells[i], cancelled.Cells[i])).ToList();
        return new StatisticsReport(year.Name, year.From, year.To, now < year.To, rows,
            Row(total, flown.Total, returnees.Total, cancelled.Total));
    }

    private static Tally Count(string country, List<StatisticsFlight> flights, DateTimeOffset now) => new(country,
        flights.Count(f => !f.Cancelled), flights.Sum(f => f.ReturneesFlown), flights.Count(f => f.Cancelled),
        Sum(flights.Select(f => f.Cost)), Sum(flights.Where(f => f.Cancelled).Select(f => f.Cost)),
        flights.Any(f => f.Cost is null || (!f.Cancelled && f.ScheduledDeparture > now)));

    private static PoundsAndEuros Sum(IEnumerable<PoundsAndEuros?> amounts) => amounts.OfType<PoundsAndEuros>().Aggregate(PoundsAndEuros.Zero, (a, b) => a.Plus(b));

    private static StatisticsRow Row(Tally t, Disclosure flights, Disclosure returnees, Disclosure cancellations) =>
        new(t.Country, Published(t.Flights, flights), Published(t.Returnees, returnees), Published(t.Cancellations, cancellations),
            t.Cost, PerReturnee(t, returnees), t.CancellationCost, t.Provisional);

    private static PublishedCount Published(int count, Disclosure disclosure) =>
        new(disclosure == Disclosure.Shown ? count : null, disclosure);

    /// <summary>Total cost ÷ returnees flown would give a withheld count back, so it is withheld with it.</summary>
    private static PerReturneeCost PerReturnee(Tally t, Disclosure returnees) =>
        returnees != Disclosure.Shown ? new(null, null, Omission.Withheld)
        : t.Provisional ? new(null, null, Omission.Provisional)
        : t.Returnees == 0 ? new(null, null, Omission.NoReturnees)
        : new(MoneyMath.Round(t.Cost.Gbp / t.Returnees), MoneyMath.Round(t.Cost.Eur / t.Returnees), null);
}
