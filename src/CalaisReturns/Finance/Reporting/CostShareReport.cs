
namespace CalaisReturns.Finance.Reporting;

/// <summary>Who owes whom how much.</summary>
public sealed record Owing(State? Debtor, State? Creditor, decimal Amount);

public sealed record ReportStateFigures(State State, decimal Share, decimal Paid, decimal Balance, decimal National);

public sealed record ReportCategory(CostCategory Category, decimal Shared, decimal National);

public sealed record ReportCountry(string CountryOfReturn, int Flights, int ReturneesFlown, decimal SharedTotal);

/// <summary>The flights of one settlement currency: pounds and euros are never added together.</summary>
public sealed record ReportCurrency(
    Currency Currency,
    int Flights,
    int ReturneesFlown,
    decimal SharedCosts,
    decimal ExternalFunding,
    decimal SharedTotal,
    decimal NationalCosts,
    IReadOnlyList<ReportStateFigures> States,
    Owing NetPosition,
    Owing Outstanding,
    decimal? CostPerReturneeFlown,
    IReadOnlyList<ReportCategory> Categories,
    IReadOnlyList<ReportCountry> Countries);

public sealed record ReportFlight(
    Guid FlightId,
    string Reference,
    string CountryOfReturn,
    DateTimeOffset ScheduledDeparture,
    bool Cancelled,
    int ReturneesFlown,
    CostShareStatus Status,
    Currency? SettlementCurrency,
    decimal? SharedTotal,
    IReadOnlyList<ReportStateFigures> States,
    Owing? Outstanding);

/// <summary>
/// One flight as the reports sum it: what its scheduled departure, status and outcome say and its rounded figures
/// (<see cref="CostShare.Compute"/>), not its cost lines. The report entries keep it, so that a report reads and sums
/// a few hundred bytes per flight and computes nothing (README, Benchmarks).
/// </summary>
public sealed record ReportedFlight(
    Guid Id,
    string Reference,
    string CountryOfReturn,
    DateTimeOffset ScheduledDeparture,
    bool Cancelled,
    int ReturneesFlown,
    CostShareStatus Status,
    Currency? SettlementCurrency,
    CostShareTotals? Totals)
{
    public static ReportedFlight Of(FlightFinance flight)
    {
        var figures = CostShare.Compute(flight);
        return new ReportedFlight(flight.Id, flight.Reference, flight.CountryOfReturn, flight.ScheduledDeparture, flight.Cancelled,
            flight.Departed ? flight.OnBoard.Values.Sum() : 0, figures.Status, figures.SettlementCurrency, figures.Totals);
    }

    /// <summary>How the report entries' column keeps it (and the reports read it back).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Whether its figures are final: a split agreed and every amount converted. Derived, so not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Final => Totals is not null && Status != CostShareStatus.AwaitingRate;
}

/// <summary>
/// A change, after a month was closed, to the figures of one of its flights, reported in the next open month: the
/// closed month, the flight, and by how much each figure moved (in one settlement currency; a flight whose currency
/// changed is reversed in the old and added in the new).
/// </summary>
public sealed record ReportAdjustment(
    string Month,
    Guid FlightId,
    string Reference,
    Currency Currency,
    decimal SharedTotal,
    IReadOnlyList<ReportStateFigures> States);

/// <summary>Which closing of its month a closed report is, and when both states closed it.</summary>
public sealed record ReportClosure(int Closing, DateTimeOffset ClosedAt);

/// <summary>
/// One period's cost-share report (month <c>2014-09</c>, quarter <c>2014-Q3</c> or year <c>2014</c> of
/// the scheduled departure). Flights whose figures are not final (no agreed split or rate) are
/// listed but not summed. A month's report also lists the <see cref="Adjustments"/> to closed months it is the next open
/// month of; a closed month's report is the one issued when it closed (<see cref="Closure"/>).
/// </summary>
public sealed class CostShareReport
{
    public string Id { get; set; } = "";
    public int Flights { get; set; }
    public int FlightsNotFinal { get; set; }
    public int ReturneesFlown { get; set; }
    public List<ReportCurrency> Currencies { get; set; } = [];
    public List<ReportFlight> FlightList { get; set; } = [];
    public List<ReportAdjustment> Adjustments { get; set; } = [];
    public ReportClosure? Closure { get; set; }

    /// <summary>
    /// Builds the report from the flights' finance facts, each computed by <see cref="CostShare.Compute"/> (the as-of
    /// replays): the same as building it from the report entries' <see cref="ReportedFlight"/>s.
    /// </summary>
    public static CostShareReport Build(Period period, IEnumerable<FlightFinance> flights) =>
        Build(period, flights.Where(f => period.Contains(f.ScheduledDeparture)).Select(ReportedFlight.Of));

    /// <summary>
    /// Builds the report by summing each flight's rounded figures: the report equals the sum of its flights' cost
    /// shares exactly. The live report, every as-of replay and the exports call this same function.
    /// </summary>
    public static CostShareReport Build(Period period, IEnumerable<ReportedFlight> flights)
    {
        var listed = flights
            .Where(f => period.Contains(f.ScheduledDeparture))
            .OrderBy(f => f.ScheduledDeparture).ThenBy(f => f.Reference, StringComparer.Ordinal)
            .ToList();
        return new CostShareReport
        {
            Id = period.Name,
            Flights = listed.Count,
            FlightsNotFinal = listed.Count(f => !f.Final),
            ReturneesFlown = listed.Sum(f => f.ReturneesFlown),
            Currencies = [.. listed
                .Where(f => f.Final)
                .GroupBy(f => f.SettlementCurrency!.Value)
                .OrderBy(g => g.Key)
                .Select(g => Section(g.Key, [.. g]))],
            FlightList = [.. listed.Select(f => new ReportFlight(f.Id, f.Reference, f.CountryOfReturn,
                f.ScheduledDeparture, f.Cancelled, f.ReturneesFlown, f.Status, f.SettlementCurrency,
                f.Totals?.SharedTotal,
                [.. f.Totals?.States.Select(s => new ReportStateFigures(s.State, s.Share, s.Paid, s.Balance, s.National)) ?? []],
                f.Totals is { } t ? Owed(t.Debtor, t.Creditor, t.Outstanding) : null))],
        };
    }

    private static ReportCurrency Section(Currency currency, List<ReportedFlight> flights)
    {
        var totals = flights.Select(f => f.Totals!).ToList();
        var returnees = flights.Sum(f => f.ReturneesFlown);
        var sharedTotal = totals.Sum(t => t.SharedTotal);
        var states = Enum.GetValues<State>()
            .Select(s => new ReportStateFigures(s,
                totals.Sum(t => Of(t, s)?.Share ?? 0m), totals.Sum(t => Of(t, s)?.Paid ?? 0m),
                totals.Sum(t => Of(t, s)?.Balance ?? 0m), totals.Sum(t => Of(t, s)?.National ?? 0m)))
            .ToList();
        var ukOwesOutstanding = totals.Sum(t => t.Debtor == State.UK ? t.Outstanding : t.Debtor == State.FR ? -t.Outstanding : 0m);
        return new ReportCurrency(currency, flights.Count, returnees, totals.Sum(t => t.SharedCosts),
            totals.Sum(t => t.ExternalFunding), sharedTotal, totals.Sum(t => t.NationalCosts), states,
            Net(states[0].Balance), Net(ukOwesOutstanding),
            returnees > 0 ? MoneyMath.Round(sharedTotal / returnees) : null,
            [.. totals.SelectMany(t => t.Categories).GroupBy(c => c.Category).OrderBy(g => g.Key)
                .Select(g => new ReportCategory(g.Key, g.Sum(c => c.Shared), g.Sum(c => c.National)))],
            [.. flights.GroupBy(f => f.CountryOfReturn).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReportCountry(g.Key, g.Count(), g.Sum(f => f.ReturneesFlown), g.Sum(f => f.Totals!.SharedTotal)))]);
    }

    private static StateFigures? Of(CostShareTotals totals, State state) => totals.States.FirstOrDefault(s => s.State == state);

    /// <summary>From the UK's side: positive means the UK owes France.</summary>
    private static Owing Net(decimal ukOwes) => ukOwes switch
    {
        > 0 => new Owing(State.UK, State.FR, ukOwes),
        < 0 => new Owing(State.FR, State.UK, -ukOwes),
        _ => new Owing(null, null, 0m),
    };

    private static Owing Owed(State? debtor, State? creditor, decimal outstanding) =>
        outstanding >= 0 ? new Owing(debtor, creditor, outstanding) : new Owing(creditor, debtor, -outstanding);
}
