using System.Collections.Immutable;
using CalaisReturns.Core;

namespace CalaisReturns.Flights;

public enum FlightStatus
{
    Planned,
    Booked,
    ManifestLocked,
    Departed,
    Completed,
    Cancelled,
}

/// <summary>
/// The write model of a returns flight: only what decisions need. Marten folds it live from the
/// stream through <see cref="Create"/> and the <c>Apply</c> methods.
/// </summary>
public sealed record Flight(
    Guid Id,
    State LeadState,
    ImmutableArray<State> ParticipatingStates,
    FlightStatus Status,
    DateTimeOffset ScheduledDeparture,
    int SeatCapacity,
    ImmutableDictionary<State, int> SeatsAllocated,
    ImmutableDictionary<State, int> ReturneesOnBoard)
{
    public static Flight Create(FlightPlanned e) =>
        new(e.FlightId, e.LeadState, [.. e.ParticipatingStates], FlightStatus.Planned, e.ScheduledDeparture, 0,
            ImmutableDictionary<State, int>.Empty, ImmutableDictionary<State, int>.Empty);

    public Flight Apply(CharterBooked e) => this with { Status = FlightStatus.Booked, SeatCapacity = e.SeatCapacity };

    public Flight Apply(SeatsAllocated e) =>
        this with { SeatsAllocated = SeatsAllocated.SetItems(e.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats))) };

    public Flight Apply(FlightRescheduled e) => this with { ScheduledDeparture = e.NewDeparture };

    public Flight Apply(FlightDeparted e) =>
        this with
        {
            Status = FlightStatus.Departed,
            ReturneesOnBoard = e.ReturneesOnBoard.ToImmutableDictionary(c => c.State, c => c.Returnees),
        };

    public Flight Apply(FlightCompleted _) => this with { Status = FlightStatus.Completed };

    public Flight Apply(FlightCancelled _) => this with { Status = FlightStatus.Cancelled };

    /// <summary>Folds one event into the flight: the steps Marten takes when it loads the stream.</summary>
    public static Flight Fold(Flight? flight, object @event) => (flight, @event) switch
    {
        (null, FlightPlanned e) => Create(e),
        (null, _) => throw new InvalidOperationException($"A flight stream must start with {nameof(FlightPlanned)}."),
        (_, CharterBooked e) => flight.Apply(e),
        (_, SeatsAllocated e) => flight.Apply(e),
        (_, FlightRescheduled e) => flight.Apply(e),
        (_, FlightDeparted e) => flight.Apply(e),
        (_, FlightCompleted e) => flight.Apply(e),
        (_, FlightCancelled e) => flight.Apply(e),
        _ => flight,
    };

    public bool Participates(State state) => ParticipatingStates.Contains(state);

    public int AllocatedTo(State state) => SeatsAllocated.GetValueOrDefault(state);

    /// <summary>Refuses any command on a cancelled, departed or completed flight, naming why.</summary>
    public Decision? RefuseUnlessOperational() => Status switch
    {
        FlightStatus.Cancelled => Decision.Refuse("The flight is cancelled; it accepts no further changes."),
        FlightStatus.Departed or FlightStatus.Completed => Decision.Refuse("The flight has already departed."),
        _ => null,
    };
}
