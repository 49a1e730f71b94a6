using CalaisReturns.Accountability;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Cases;
using CalaisReturns.Cases.Opening;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Costing;
using CalaisReturns.Finance.Granting;
using CalaisReturns.Finance.RateFixing;
using CalaisReturns.Finance.Splitting;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Booking;
using CalaisReturns.Flights.Cancelling;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Planning;
using CalaisReturns.Flights.Staffing;

namespace CalaisReturns.Demo;

public static class DemoDataRegistration
{
    /// <summary>With <c>Demo:Seed=true</c> (set by ops/run), a few demo flights are added at start-up.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Demo:Seed"))
        {
            services.AddHostedService<DemoData>();
        }

        return services;
    }
}

/// <summary>
/// Seeds demo flights through the same decide functions as the API, so they obey every rule.
/// Each has a fixed id and is skipped if its stream exists: running it again adds nothing.
/// </summary>
internal sealed class DemoData(IDocumentStore store, TimeProvider clock, ManifestRules rules, ILogger<DemoData> log)
    : IHostedService
{
    private sealed record DemoFlight(Guid Id, PlanFlight Plan, params Func<Flight, DateTimeOffset, Decision>[] Steps)
    {
        public Func<FlightFinance, DateTimeOffset, Decision>[] FinanceSteps { get; init; } = [];
    }

    private sealed record DemoCase(Guid Id, State State, OpenCase Open);

    private sealed record DemoOfficer(Guid Id, State State, EnrolOfficer Enrol);

    /// <summary>Fictional people, for the demo only.</summary>
    private static readonly DemoCase[] Cases =
    [
        new(Guid.Parse("0193a1c0-0000-7000-9000-000000000001"), State.UK,
            new OpenCase("HO-DEMO-0001", "Arben Demo", "AL", new DateOnly(1991, 3, 14))),
        new(Guid.Parse("0193a1c0-0000-7000-9000-000000000002"), State.UK,
            new OpenCase("HO-DEMO-0002", "Besnik Example", "AL", new DateOnly(1986, 9, 2))),
        new(Guid.Parse("0193a1c0-0000-7000-9000-000000000003"), State.FR,
            new OpenCase("AGDREF-DEMO-03", "Dritan Fictif", "AL", new DateOnly(1994, 12, 30))),
    ];

    /// <summary>Fictional officers of each state's roster; one's restraint training lapses before the Pristina flight.</summary>
    private static DemoOfficer[] Officers(DateTimeOffset now) =>
    [
        new(Guid.Parse("0193a1c0-0000-7000-c000-000000000001"), State.UK,
            new EnrolOfficer("HO-ESC-4417", "Gareth Demo", "DCO", new DateOnly(2029, 3, 31), new DateOnly(2028, 9, 30))),
        new(Guid.Parse("0193a1c0-0000-7000-c000-000000000002"), State.UK,
            new EnrolOfficer("HO-ESC-5102", "Imogen Example", "OSG", new DateOnly(2029, 3, 31),
                DateOnly.FromDateTime(now.UtcDateTime).AddDays(15))),
        new(Guid.Parse("0193a1c0-0000-7000-c000-000000000003"), State.FR,
            new EnrolOfficer("PAF-77120", "Julien Fictif", "Brigadier", new DateOnly(2029, 12, 31), new DateOnly(2028, 12, 31))),
        new(Guid.Parse("0193a1c0-0000-7000-c000-000000000004"), State.FR,
            new EnrolOfficer("PAF-81044", "Nadia Exemple", "Infirmière", new DateOnly(2029, 12, 31), new DateOnly(2028, 12, 31))),
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cases = new Dictionary<Guid, ReturneeCase>();
        foreach (var demo in Cases)
        {
            cases[demo.Id] = await SeedCase(demo, now, ct);
        }

        var officers = new Dictionary<Guid, Officer>();
        foreach (var demo in Officers(now))
        {
            officers[demo.Id] = await SeedOfficer(demo, now, ct);
        }

        var added = 0;
        foreach (var demo in Flights(now, cases, officers, rules))
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "system:demo-data";
            if (await session.Events.FetchStreamStateAsync(demo.Id, ct) is not null)
            {
                continue;
            }

            var reference = await FlightReferences.NextAsync(session, now.Year, ct);
            var planned = PlanFlightEndpoint.Decide(demo.Plan, demo.Id, reference, now);
            var events = new List<object> { planned };
            var flight = Flight.Fold(null, planned);
            foreach (var step in demo.Steps)
            {
                var decided = Accepted(step(flight, now), reference);
                events.AddRange(decided);
                flight = decided.Aggregate(flight, Flight.Fold);
            }

            var finance = events.Aggregate((FlightFinance?)null, FlightFinance.Fold)!;
            foreach (var step in demo.FinanceSteps)
            {
                var decided = Accepted(step(finance, now), reference);
                events.AddRange(decided);
                finance = decided.Aggregate(finance, FlightFinance.Fold);
            }

            session.Events.StartStream<Flight>(demo.Id, events);
            await session.SaveChangesAsync(ct);
            added++;
        }

        log.LogInformation("Demo data: {Added} flights added", added);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static IReadOnlyList<object> Accepted(Decision decision, string reference) =>
        decision.Refusal is { } refusal
            ? throw new InvalidOperationException($"Demo flight {reference} was refused: {refusal}")
            : decision.Events;

    private async Task<ReturneeCase> SeedCase(DemoCase demo, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.AggregateStreamAsync<ReturneeCase>(demo.Id, token: ct) is { } existing)
        {
            return existing;
        }

        session.LastModifiedBy = "system:demo-data";
        object[] events =
        [
            OpenCaseEndpoint.Decide(demo.Open, demo.Id, demo.State, now),
            new TravelDocumentRecorded(demo.Id, TravelDocumentKind.Passport, new DateOnly(2031, 5, 31), now),
        ];
        session.Events.StartStream<ReturneeCase>(demo.Id, events);
        await session.SaveChangesAsync(ct);
        return events.Aggregate((ReturneeCase?)null, ReturneeCase.Fold)!;
    }

    private async Task<Officer> SeedOfficer(DemoOfficer demo, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.FetchLatest<Officer>(demo.Id, ct) is { } existing)
        {
            return existing;
        }

        session.LastModifiedBy = "system:demo-data";
        var enrolled = RosterEndpoints.Decide(demo.Enrol, demo.Id, demo.State, now);
        session.Events.StartStream<Officer>(demo.Id, enrolled);
        await session.SaveChangesAsync(ct);
        return Officer.Fold(null, enrolled);
    }

    private static readonly Guid DemoProposal = Guid.Parse("0193a1c0-0000-7000-a000-000000000001");

    private static readonly Guid DemoGrant = Guid.Parse("0193a1c0-0000-7000-d000-000000000001");

    private static Guid DemoLine(int n) => Guid.Parse($"0193a1c0-0000-7000-b000-{n:000000000000}");

    private static IEnumerable<DemoFlight> Flights(DateTimeOffset now, Dictionary<Guid, ReturneeCase> cases,
        Dictionary<Guid, Officer> officers, ManifestRules rules)
    {
        Func<Flight, DateTimeOffset, Decision> Name(int index, OfficerDuty duty) =>
            (f, t) => AssignOfficerEndpoint.Decide(new AssignOfficer(officers.Keys.ElementAt(index), duty), f,
                officers.Values.ElementAt(index), t);

        Func<Flight, DateTimeOffset, Decision> Manifest(int index, ManifestStatus status) =>
            (f, t) => ManifestReturneeEndpoint.Decide(new ManifestReturnee(Cases[index].Id, status), f,
                cases[Cases[index].Id], false, rules, t);

        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000001"),
            new PlanFlight(State.UK, [State.UK, State.FR], "AL", "STN", "TIA", day.AddDays(12).AddHours(6)),
            (f, t) => BookCharterEndpoint.Decide(new BookCharter("Titan Airways", "A321", 180, "HO-CH-2026-117",
                new Money(174_468.00m, Currency.GBP)), f, t),
            (f, t) => AllocateSeatsEndpoint.Decide(new AllocateSeats([new(State.UK, 110), new(State.FR, 70)]), f, t),
            (f, t) => AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.UK, 60, 2, 2), f, t),
            (f, t) => AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.FR, 40, 1, 2), f, t),
            (f, t) => AssignMonitorEndpoint.Decide(new AssignMonitor("Independent Monitoring Boards"), f, t),
            Manifest(0, ManifestStatus.Confirmed),
            Manifest(1, ManifestStatus.Reserve),
            Manifest(2, ManifestStatus.Confirmed))
        {
            // The cost-sharing worked example of the 2014 UK/France statement, at its own rate.
            FinanceSteps =
            [
                (f, t) => ProposeCostSplitEndpoint.Decide(new ProposeCostSplit(SplitBasis.FixedRatio, Currency.GBP,
                    [new StatePercent(State.UK, 50), new StatePercent(State.FR, 50)]), f, State.FR, DemoProposal, t),
                (f, t) => AgreeCostSplitEndpoint.Decide(new AgreeCostSplit(DemoProposal), f, State.UK, t),
                (f, t) => FixExchangeRateEndpoint.Decide(new FixExchangeRate(1.285714m, new DateOnly(2014, 8, 29),
                    "ECB reference rate 2014-08-29"), f, t),
                (f, t) => RecordCostEndpoint.Decide(new RecordCost(CostCategory.Charter, "Charter STN-TIA",
                    new Money(174_468.00m, Currency.GBP), "TA-2026-117"), f, State.UK, DemoLine(1), t),
                (f, t) => RecordCostEndpoint.Decide(new RecordCost(CostCategory.Accommodation, "French escorts' hotel",
                    new Money(12_300.00m, Currency.EUR), "HOTEL-8841"), f, State.FR, DemoLine(2), t),
                (f, t) => RecordCostEndpoint.Decide(new RecordCost(CostCategory.Escorts, "UK escorts",
                    new Money(21_000.00m, Currency.GBP), "ESC-2026-05"), f, State.UK, DemoLine(3), t),
                // Co-financing granted to the UK, still to claim: expected, counted in no figure until it is paid.
                (f, t) => DecideGrantEndpoint.Decide(new DecideGrant("Frontex", new Money(20_000.00m, Currency.EUR), "FX-DEMO-2026-01",
                    DateOnly.FromDateTime(t.UtcDateTime), DateOnly.FromDateTime(t.UtcDateTime).AddDays(45)), f, State.UK, DemoGrant, t),
            ],
        };
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000002"),
            new PlanFlight(State.FR, [State.FR, State.UK], "XK", "CDG", "PRN", day.AddDays(20).AddHours(9)),
            (f, t) => BookCharterEndpoint.Decide(new BookCharter("ASL Airlines France", "B737-800", 189,
                "DGEF-2026-044", new Money(96_500.00m, Currency.EUR)), f, t),
            (f, t) => AllocateSeatsEndpoint.Decide(new AllocateSeats([new(State.FR, 120), new(State.UK, 60)]), f, t),
            // Named teams: the French escort and nurse, and a UK escort whose restraint training lapses before departure.
            Name(2, OfficerDuty.Escort),
            Name(3, OfficerDuty.Medic),
            Name(1, OfficerDuty.Escort));
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000003"),
            new PlanFlight(State.UK, [State.UK], "GE", "LHR", "TBS", day.AddDays(35).AddHours(7)));
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000004"),
            new PlanFlight(State.FR, [State.FR], "RS", "LYS", "BEG", day.AddDays(8).AddHours(11)),
            (f, t) => CancelFlightEndpoint.Decide(new CancelFlight("Destination authorities withdrew landing permission."),
                f, t));
        // A flight with stops: French returnees and escorts board at Lille on the way to Tirana.
        var viaLille = Guid.Parse("0193a1c0-0000-7000-8000-000000000005");
        var lille = FlightRoute.PlannedStopId(viaLille, 1);
        var departs = day.AddDays(40).AddHours(6);
        yield return new DemoFlight(viaLille,
            new PlanFlight(State.UK, [State.UK, State.FR], Stops:
            [
                new PlannedStop("STN", StopKind.Departure, Scheduled: departs),
                new PlannedStop("LIL", StopKind.PickUp, [State.FR], Scheduled: departs.AddHours(1.5)),
                new PlannedStop("TIA", StopKind.DropOff, CountryOfReturn: "AL", Scheduled: departs.AddHours(5)),
            ]),
            (f, t) => BookCharterEndpoint.Decide(new BookCharter("Titan Airways", "A321", 180, "HO-CH-2026-131",
                new Money(181_200.00m, Currency.GBP)), f, t),
            (f, t) => AllocateSeatsEndpoint.Decide(new AllocateSeats([new(State.UK, 90), new(State.FR, 90)]), f, t),
            (f, t) => AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.UK, 30, 1, 1), f, t),
            (f, t) => AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.FR, 30, 1, 1), f, t))
        {
            FinanceSteps =
            [
                (f, t) => RecordCostEndpoint.Decide(new RecordCost(CostCategory.GroundHandling, "Ground handling at Lille",
                    new Money(3_150.00m, Currency.EUR), "LIL-GH-2026-31", StopId: lille), f, State.FR, DemoLine(4), t),
            ],
        };
    }
}
