using CalaisReturns.Cases;
using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;

namespace CalaisReturns.Benchmarks.History;

/// <summary>
/// Generates the history of UK/France returns charters over some years: about 700 flights a year (between
/// the EU's charter volume and three times it) and the cases they carry, every event decided by the domain's
/// own decide functions (and the manifest policies) at its own instant, in time order across streams, so the
/// history is valid and as interleaved as a real one. Volumes per flight follow published figures for joint
/// charters: 20–80 returnees (most flights 25–50), about a fifth more on reserve, 10–40 cost lines, about
/// 8 % of flights cancelled and 15 % rescheduled; a barrier is raised on some cases. Its size comes from
/// the number of flights and the cases they carry (<see cref="HistoryProfile"/> states what was generated).
/// </summary>
public sealed partial class HistoryGenerator
{
    /// <summary>
    /// Bump when the generated history or the documents stored with it change, so a cached one is generated again
    /// (2: the report entries carry each flight's reported figures; 3: realistic volumes per flight).
    /// </summary>
    public const int Version = 3;

    public const int FlightsPerYear = 700;

    /// <summary>About the returnees and reserves the year's flights carry, and some cases never flown.</summary>
    public const int CasesPerYear = FlightsPerYear * 48;

    private sealed record Route(string Country, string Airport, int Weight);

    private static readonly Route[] Routes =
    [
        new("AL", "TIA", 20), new("XK", "PRN", 8), new("RS", "BEG", 6), new("GE", "TBS", 8), new("MD", "KIV", 4),
        new("RO", "OTP", 6), new("PK", "ISB", 10), new("NG", "LOS", 8), new("GH", "ACC", 6), new("VN", "HAN", 8),
        new("IQ", "EBL", 6), new("DZ", "ALG", 5), new("TN", "TUN", 4), new("SN", "DSS", 4), new("GN", "CKY", 3),
    ];

    private static readonly Dictionary<State, string[]> Airports = new()
    {
        [State.UK] = ["STN", "LHR", "LGW", "MAN", "BHX", "DSA"],
        [State.FR] = ["CDG", "ORY", "LYS", "MRS", "BOD"],
    };

    private static readonly Stamp PolicyStamp = new("system:manifest-policy", "manifest-policy", "System", null);

    private readonly Simulation sim;
    private readonly ManifestRules rules;
    private readonly DateTimeOffset start;
    private readonly int years;
    private readonly double volume;
    private readonly Dictionary<Guid, FlightRun> flights = [];
    private readonly Dictionary<Guid, CaseRun> cases = [];
    private readonly Dictionary<(State, string), List<CaseRun>> pool = [];
    private readonly Dictionary<int, int> referenceCounters = [];

    /// <param name="volume">The share of a year's flights and cases to generate (1 for the full volume).</param>
    public HistoryGenerator(int years, int seed, ManifestRules rules, double volume = 1)
    {
        this.years = years;
        this.volume = volume;
        this.rules = rules;
        sim = new Simulation(seed);
        start = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Flights that found no eligible case when one was wanted: a sign of how full the flights are.</summary>
    public int ManifestMisses { get; private set; }

    public Simulation Simulation => sim;

    public List<HistoryEvent> Generate()
    {
        var span = TimeSpan.FromDays(365.25 * years);
        for (var i = 0; i < (int)(CasesPerYear * years * volume); i++)
        {
            // Cases arrive from four months before the first departures, so the first flights find some.
            sim.At(start - TimeSpan.FromDays(120) + span * sim.Random.NextDouble(), OpenCase);
        }

        for (var i = 0; i < (int)(FlightsPerYear * years * volume); i++)
        {
            var departure = Weekday(start + span * sim.Random.NextDouble()).Date.AddHours(sim.Between(5, 13));
            sim.At(new DateTimeOffset(departure, TimeSpan.Zero) - sim.Days(45, 100), () => PlanFlight(departure));
        }

        sim.Run();
        return sim.Events;
    }

    private static DateTime Weekday(DateTimeOffset day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.UtcDateTime.AddDays(2),
        DayOfWeek.Sunday => day.UtcDateTime.AddDays(1),
        _ => day.UtcDateTime,
    };

    private Route PickRoute()
    {
        var roll = sim.Random.Next(Routes.Sum(r => r.Weight));
        foreach (var route in Routes)
        {
            if ((roll -= route.Weight) < 0)
            {
                return route;
            }
        }

        return Routes[^1];
    }

    private Stamp Planner(State state) => User(state, "Planner", "planner", 8);

    private Stamp FinanceOfficer(State state) => User(state, "Finance", "finance", 4);

    private Stamp User(State state, string role, string kind, int count)
    {
        var n = sim.Between(1, count);
        return new Stamp($"{state.ToString().ToLowerInvariant()}-{kind}-{n:00}", $"{state} {kind} {n}", role, state.ToString());
    }

    private static Currency CurrencyOf(State state) => state == State.UK ? Currency.GBP : Currency.EUR;

    private static State Other(State state) => state == State.UK ? State.FR : State.UK;
}
