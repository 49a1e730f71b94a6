using System.Collections.Immutable;
using JasperFx.Core;
using JasperFx.Events;

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

/// <summary>One case on the manifest, in the order it was added.</summary>
public sealed record ManifestEntry(Guid CaseId, State State, bool Confirmed, DateTimeOffset ManifestedAt);

/// <summary>
/// The write model of a returns flight's operations: only what planners' decisions need, and the
/// operations <see cref="Version"/> (<see cref="IConcernState"/>): finance events on the same stream
/// leave it as it is. <see cref="Fold(Flight?, IEvent)"/> is its one fold: the projection Marten loads it with, the
/// tests, the demo data and the benchmarks all call it.
/// </summary>
public sealed record Flight(
    Guid Id,
    State LeadState,
    ImmutableArray<State> ParticipatingStates,
    string CountryOfReturn,
    FlightStatus Status,
    DateTimeOffset ScheduledDeparture,
    int SeatCapacity,
    ImmutableDictionary<State, int> SeatsAllocated,
    ImmutableDictionary<State, int> EscortTeams,
    ImmutableList<ManifestEntry> Manifest,
    ImmutableDictionary<State, int> ReturneesOnBoard) : IConcernState
{
    /// <summary>Set by <see cref="Fold(Flight?, IEvent)"/> alone (ignored by Marten's own version convention).</summary>
    [JasperFxIgnore]
    public long Version { get; init; }

    /// <summary>Folds one stored event: operational events change the flight and move its version; others pass by.</summary>
    public static Flight? Fold(Flight? flight, IEvent e) =>
        FlightsModule.Bears(e.EventType) ? Fold(flight, e.Data) with { Version = e.Version } : flight;

    /// <summary>Folds one event's data (an operational event, or any other, which changes nothing).</summary>
    public static Flight Fold(Flight? flight, object @event) => (flight, @event) switch
    {
        (null, FlightPlanned e) => new(e.FlightId, e.LeadState, [.. e.ParticipatingStates], e.CountryOfReturn,
            FlightStatus.Planned, e.ScheduledDeparture, 0, ImmutableDictionary<State, int>.Empty,
            ImmutableDictionary<State, int>.Empty, ImmutableList<ManifestEntry>.Empty, ImmutableDictionary<State, int>.Empty),
        (null, _) => throw new InvalidOperationException($"A flight stream must start with {nameof(FlightPlanned)}."),
        (_, CharterBooked e) => flight with { Status = FlightStatus.Booked, SeatCapacity = e.SeatCapacity },
        (_, SeatsAllocated e) => flight with
        {
            SeatsAllocated = flight.SeatsAllocated.SetItems(e.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats))),
        },
        (_, FlightRescheduled e) => flight with { ScheduledDeparture = e.NewDeparture },
        (_, EscortTeamAssigned e) => flight with
        {
            EscortTeams = flight.EscortTeams.SetItem(e.State, e.Escorts + e.Medics + e.Interpreters),
        },
        (_, ReturneeManifested e) => flight with
        {
            Manifest = flight.Manifest.Add(new ManifestEntry(e.CaseId, e.State, e.Status == ManifestStatus.Confirmed, e.ManifestedAt)),
        },
        (_, ReserveConfirmed e) => flight.WithEntry(e.CaseId, entry => entry with { Confirmed = true }),
        (_, ReturneeMovedToReserve e) => flight.WithEntry(e.CaseId, entry => entry with { Confirmed = false }),
        (_, ReturneeWithdrawn e) => flight with { Manifest = flight.Manifest.RemoveAll(m => m.CaseId == e.CaseId) },
        (_, ManifestLocked) => flight with { Status = FlightStatus.ManifestLocked },
        (_, FlightDeparted e) => flight with
        {
            Status = FlightStatus.Departed,
            ReturneesOnBoard = e.ReturneesOnBoard.ToImmutableDictionary(c => c.State, c => c.Returnees),
        },
        (_, FlightCompleted) => flight with { Status = FlightStatus.Completed },
        (_, FlightCancelled) => flight with { Status = FlightStatus.Cancelled },
        _ => flight,
    };

    public bool Participates(State state) => ParticipatingStates.Contains(state);

    public int AllocatedTo(State state) => SeatsAllocated.GetValueOrDefault(state);

    public int TeamOf(State state) => EscortTeams.GetValueOrDefault(state);

    public int ConfirmedOf(State state) => Manifest.Count(m => m.State == state && m.Confirmed);

    /// <summary>Seats of the state's allocation not taken by its confirmed returnees and its escort team.</summary>
    public int FreeSeatsOf(State state) => AllocatedTo(state) - ConfirmedOf(state) - TeamOf(state);

    public ManifestEntry? EntryOf(Guid caseId) => Manifest.FirstOrDefault(m => m.CaseId == caseId);

    /// <summary>Refuses any command on a cancelled, departed or completed flight, naming why.</summary>
    public Decision? RefuseUnlessOperational() => Status switch
    {
        FlightStatus.Cancelled => Decision.Refuse("Refusal.Cancelled"),
        FlightStatus.Departed or FlightStatus.Completed => Decision.Refuse("Refusal.Departed"),
        _ => null,
    };

    private Flight WithEntry(Guid caseId, Func<ManifestEntry, ManifestEntry> change) =>
        this with { Manifest = Manifest.Select(m => m.CaseId == caseId ? change(m) : m).ToImmutableList() };
}
