using System.Collections.Immutable;

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
/// The write model of a returns flight: only what decisions need. Marten folds it live from the
/// stream through <see cref="Create"/> and the <c>Apply</c> methods.
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
    ImmutableDictionary<State, int> ReturneesOnBoard)
{
    public static Flight Create(FlightPlanned e) =>
        new(e.FlightId, e.LeadState, [.. e.ParticipatingStates], e.CountryOfReturn, FlightStatus.Planned,
            e.ScheduledDeparture, 0, ImmutableDictionary<State, int>.Empty, ImmutableDictionary<State, int>.Empty,
            ImmutableList<ManifestEntry>.Empty, ImmutableDictionary<State, int>.Empty);

    public Flight Apply(CharterBooked e) => this with { Status = FlightStatus.Booked, SeatCapacity = e.SeatCapacity };

    public Flight Apply(SeatsAllocated e) =>
        this with { SeatsAllocated = SeatsAllocated.SetItems(e.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats))) };

    public Flight Apply(FlightRescheduled e) => this with { ScheduledDeparture = e.NewDeparture };

    public Flight Apply(EscortTeamAssigned e) =>
        this with { EscortTeams = EscortTeams.SetItem(e.State, e.Escorts + e.Medics + e.Interpreters) };

    public Flight Apply(ReturneeManifested e) =>
        this with { Manifest = Manifest.Add(new ManifestEntry(e.CaseId, e.State, e.Status == ManifestStatus.Confirmed, e.ManifestedAt)) };

    public Flight Apply(ReserveConfirmed e) => WithEntry(e.CaseId, entry => entry with { Confirmed = true });

    public Flight Apply(ReturneeMovedToReserve e) => WithEntry(e.CaseId, entry => entry with { Confirmed = false });

    public Flight Apply(ReturneeWithdrawn e) => this with { Manifest = Manifest.RemoveAll(m => m.CaseId == e.CaseId) };

    public Flight Apply(ManifestLocked _) => this with { Status = FlightStatus.ManifestLocked };

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
        (_, EscortTeamAssigned e) => flight.Apply(e),
        (_, ReturneeManifested e) => flight.Apply(e),
        (_, ReserveConfirmed e) => flight.Apply(e),
        (_, ReturneeMovedToReserve e) => flight.Apply(e),
        (_, ReturneeWithdrawn e) => flight.Apply(e),
        (_, ManifestLocked e) => flight.Apply(e),
        (_, FlightDeparted e) => flight.Apply(e),
        (_, FlightCompleted e) => flight.Apply(e),
        (_, FlightCancelled e) => flight.Apply(e),
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
        FlightStatus.Cancelled => Decision.Refuse("The flight is cancelled; it accepts no further changes."),
        FlightStatus.Departed or FlightStatus.Completed => Decision.Refuse("The flight has already departed."),
        _ => null,
    };

    private Flight WithEntry(Guid caseId, Func<ManifestEntry, ManifestEntry> change) =>
        this with { Manifest = Manifest.Select(m => m.CaseId == caseId ? change(m) : m).ToImmutableList() };
}
