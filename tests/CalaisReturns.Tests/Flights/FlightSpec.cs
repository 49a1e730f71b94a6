using CalaisReturns.Core.Http;
using System.Text.Json;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;

namespace CalaisReturns.Tests.Flights;

/// <summary>Given/then helpers for the flight's pure decide functions.</summary>
internal static class FlightSpec
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Departure = Now.AddDays(14);
    public static readonly ManifestRules Rules = new();

    public static readonly Guid FlightId = Guid.Parse("01970000-0000-7000-8000-0000000000aa");

    public static FlightPlanned Planned(State lead = State.UK, params State[] states) =>
        new(FlightId, "RF-2026-0001", lead, states.Length == 0 ? [State.UK, State.FR] : states, "AL", "STN", "TIA",
            Departure, Now.AddDays(-30));

    public static CharterBooked Booked(int capacity = 180) =>
        new(FlightId, "Titan Airways", "A321", capacity, "HO-1", new Money(174_468m, Currency.GBP), Now.AddDays(-20));

    public static SeatsAllocated Allocated(int uk, int fr) =>
        new(FlightId, [new SeatAllocation(State.UK, uk), new SeatAllocation(State.FR, fr)], Now.AddDays(-10));

    public static ReturneeManifested Manifested(Guid caseId, State state = State.UK, bool confirmed = true,
        DateTimeOffset? at = null) =>
        new(FlightId, caseId, state, $"REF-{caseId.ToString()[^4..]}", confirmed ? ManifestStatus.Confirmed : ManifestStatus.Reserve,
            at ?? Now.AddDays(-5));

    /// <summary>Case ids that read well in failure messages: Case(1), Case(2), ...</summary>
    public static Guid Case(int n) => Guid.Parse($"01970000-0000-7000-8000-{n:000000000000}");

    /// <summary>A booked UK/FR flight with seats and the given numbers of confirmed returnees per state.</summary>
    public static object[] BookedWithConfirmed(int uk, int fr) =>
    [
        Planned(), Booked(), Allocated(60, 40),
        .. Enumerable.Range(1, uk).Select(i => Manifested(Case(i), State.UK)),
        .. Enumerable.Range(101, fr).Select(i => Manifested(Case(i), State.FR)),
    ];

    public static FlightDeparted Departed(int uk, int fr) =>
        new(FlightId, Departure, [new StateCount(State.UK, uk), new StateCount(State.FR, fr)], Departure);

    public static FlightCancelled Cancelled() => new(FlightId, "Landing permission withdrawn", Now.AddDays(-1));

    public static Flight Given(params object[] events) => events.Aggregate((Flight?)null, Flight.Fold)!;

    public static void ThenAccepted(Decision decision, params object[] expected)
    {
        Assert.Null(decision.Refusal);
        // Events hold lists, which records compare by reference: compare what would be stored.
        Assert.Equal(expected.Select(Json), decision.Events.Select(Json));
    }

    private static string Json(object e) => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType());

    public static void ThenRefused(Decision decision, string reasonContains)
    {
        Assert.NotNull(decision.Refusal);
        Assert.Contains(reasonContains, decision.Refusal.In(Languages.English));
        // Every refusal a test reaches says the same in French, in French.
        Assert.NotEqual(decision.Refusal.In(Languages.English), decision.Refusal.In(Languages.French));
        Assert.Empty(decision.Events);
    }
}
