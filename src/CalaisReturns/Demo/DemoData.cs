using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Booking;
using CalaisReturns.Flights.Cancelling;
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
internal sealed class DemoData(IDocumentStore store, TimeProvider clock, ILogger<DemoData> log) : IHostedService
{
    private sealed record DemoFlight(Guid Id, PlanFlight Plan, params Func<Flight, DateTimeOffset, Decision>[] Steps);

    public async Task StartAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var demo in Flights(now))
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "system:demo-data";
            session.CorrelationId = "demo-data";
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

    private static IEnumerable<DemoFlight> Flights(DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        yield return new DemoFlight(Guid.Parse("0193a1c0-0000-7000-8000-000000000001"),
            new PlanFlight(State.UK, [State.UK, State.FR], "AL", "STN", "TIA", day.AddDays(12).AddHours(6)),
            (f, t) => BookCharterEndpoint.Decide(new BookCharter("Titan Airways", "A321", 180, "HO-CH-2026-117",
                new Money(174_468.00m, Currency.GBP)), f, t),
            (f, t) => AllocateSeatsEndpoint.Decide(new AllocateSeats([new(State.UK, 110), new(State.FR, 70)]), f, t),
            (f, t) => AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.UK, 60, 2, 2), f, t),
            (f, t) => AssignEscortTeamEndpoint.Decide(new AssignEscortTeam(State.FR, 40, 1, 2), f, t),
            (f, t) => AssignMonitorEndpoint.Decide(new AssignMonitor("Independent Monitoring Boards"), f, t));
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
