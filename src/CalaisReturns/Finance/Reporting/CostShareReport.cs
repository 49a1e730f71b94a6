
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
/// One period's cost-share report (month <c>2014-09</c>, quarter <c>2014-Q3</c> or year <c>2014</c> of
/// the scheduled departure). Flights whose figures are not final (no agreed split or rate) are
/// listed but not summed.
/// </summary>
public sealed class CostShareReport
{
    public string Id { get; set; } = "";
    public int Flights { get; set; }
    public int FlightsNotFinal { get; set; }
    public int ReturneesFlown { get; set; }
    public List<ReportCurrency> Currencies { get; set; } = [];
    public List<ReportFlight> FlightList { get; set; } = [];

    /// <summary>
    /// Builds the report from the flights' finance facts with <see cref="CostShare.Compute"/>, summing
    /// each flight's rounded figures: the report equals the sum of its flights' cost shares exactly.
    /// The live projection and every as-of replay call this same function.
    /// </summary>
    public static CostShareReport Build(Period period, IEnumerable<FlightFinance> flights)
    {
        var computed = flights
            .Where(f => period.Contains(f.ScheduledDeparture))
            .OrderBy(f => f.ScheduledDeparture).ThenBy(f => f.Reference, StringComparer.Ordinal)
            .Select(f => (Facts: f, Figures: CostShare.Compute(f)))
            .ToList();
        return new CostShareReport
        {
            Id = period.Name,
            Flights = computed.Count,
            FlightsNotFinal = computed.Count(c => c.Figures.Totals is null || c.Figures.Status == CostShareStatus.AwaitingRate),
            ReturneesFlown = computed.Sum(c => Flown(c.Facts)),
            Currencies = [.. computed
                .Where(c => c.Figures.Totals is not null && c.Figures.Status != CostShareStatus.AwaitingRate)
                .GroupBy(c => c.Figures.SettlementCurrency!.Value)
                .OrderBy(g => g.Key)
                .Select(g => Section(g.Key, [.. g]))],
            FlightList = [.. computed.Select(c => new ReportFlight(c.Facts.Id, c.Facts.Reference, c.Facts.CountryOfReturn,
                c.Facts.ScheduledDeparture, c.Facts.Cancelled, Flown(c.Facts), c.Figures.Status, c.Figures.SettlementCurrency,
                c.Figures.Totals?.SharedTotal,
                [.. c.Figures.Totals?.States.Select(s => new ReportStateFigures(s.State, s.Share, s.Paid, s.Balance, s.National)) ?? []],
                c.Figures.Totals is { } t ? Owed(t.Debtor, t.Creditor, t.Outstanding) : null))],
        };
    }

    private static ReportCurrency Section(Currency currency, List<(FlightFinance Facts, CostShareFigures Figures)> flights)
    {
        var totals = flights.Select(f => f.Figures.Totals!).ToList();
        var returnees = flights.Sum(f => Flown(f.Facts));
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
            [.. flights.GroupBy(f => f.Facts.CountryOfReturn).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReportCountry(g.Key, g.Count(), g.Sum(f => Flown(f.Facts)), g.Sum(f => f.Figures.Totals!.SharedTotal)))]);
    }

    private static StateFigures? Of(CostShareTotals totals, State state) => totals.States.FirstOrDefault(s => s.State == state);

    private static int Flown(FlightFinance flight) => flight.Departed ? flight.OnBoard.Values.Sum() : 0;

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
