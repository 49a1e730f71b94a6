using CalaisReturns.Cases;
using CalaisReturns.Cases.Opening;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Booking;
using CalaisReturns.Flights.Cancelling;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Planning;
using CalaisReturns.Flights.Staffing;
using Marten;

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
    private sealed record DemoFlight(Guid Id, PlanFlight Plan, params Func<Flight, DateTimeOffset, Decision>[] Steps);

    private sealed record DemoCase(Guid Id, State State, OpenCase Open);

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

    public async Task StartAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cases = new Dictionary<Guid, ReturneeCase>();
        foreach (var demo in Cases)
        {
            cases[demo.Id] = await SeedCase(demo, now, ct);
        }

        var added = 0;
        foreach (var demo in Flights(now, cases, rules))
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
            var flight = Flight.Create(planned);
            foreach (var step in demo.Steps)
            {
                var decision = step(flight, now);
                if (decision.Refusal is { } refusal)
                {
                    throw new InvalidOperationException($"Demo flight {reference} was refused: {refusal}");
                }

                events.AddRange(decision.Events);
                flight = decision.Events.Aggregate(flight, Flight.Fold);
            }

            session.Events.StartStream<Flight>(demo.Id, events);
            await session.SaveChangesAsync(ct);
            added++;
        }

        log.LogInformation("Demo data: {Added} flights added", added);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

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

    private static IEnumerable<DemoFlight> Flights(DateTimeOffset now, Dictionary<Guid, ReturneeCase> cases,
        ManifestRules rules)
    {
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
            Manifest(2, ManifestStatus.Confirmed));
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000002"),
            new PlanFlight(State.FR, [State.FR, State.UK], "XK", "CDG", "PRN", day.AddDays(20).AddHours(9)),
            (f, t) => BookCharterEndpoint.Decide(new BookCharter("ASL Airlines France", "B737-800", 189,
                "DGEF-2026-044", new Money(96_500.00m, Currency.EUR)), f, t),
            (f, t) => AllocateSeatsEndpoint.Decide(new AllocateSeats([new(State.FR, 120), new(State.UK, 60)]), f, t));
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000003"),
            new PlanFlight(State.UK, [State.UK], "GE", "LHR", "TBS", day.AddDays(35).AddHours(7)));
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000004"),
            new PlanFlight(State.FR, [State.FR], "RS", "LYS", "BEG", day.AddDays(8).AddHours(11)),
            (f, t) => CancelFlightEndpoint.Decide(new CancelFlight("Destination authorities withdrew landing permission."),
                f, t));
    }
}
