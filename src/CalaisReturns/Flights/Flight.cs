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

/// <summary>One case on the manifest, in the order it was added, with the stops where it boards and is handed over.</summary>
public sealed record ManifestEntry(
    Guid CaseId,
    State State,
    bool Confirmed,
    DateTimeOffset ManifestedAt,
    Guid BoardingStopId,
    Guid DropOffStopId);

/// <summary>A named officer on the flight's team; <see cref="Released"/> once taken off it.</summary>
public sealed record TeamOfficer(Guid OfficerId, State State, string StaffNumber, OfficerDuty Duty, bool Released = false)
{
    /// <summary>The named officers after an assignment or a release: the one fold the write model and the schedule share.</summary>
    public static ImmutableList<TeamOfficer> Changed(ImmutableList<TeamOfficer> officers, object change) => change switch
    {
        OfficerAssigned e => officers.RemoveAll(o => o.OfficerId == e.OfficerId).Add(new TeamOfficer(e.OfficerId, e.State, e.StaffNumber, e.Duty)),
        OfficerReleased e when officers.Find(o => o.OfficerId == e.OfficerId) is { } released =>
            officers.Replace(released, released with { Released = true }),
        _ => officers,
    };
}

/// <summary>What has happened at one stop once the flight left: landed, left, people handed over.</summary>
public sealed record StopProgress(
    DateTimeOffset? ArrivedAt = null,
    DateTimeOffset? DepartedAt = null,
    IReadOnlyList<HandoverOutcome>? Handover = null);

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
    ImmutableList<FlightStop> Stops,
    FlightStatus Status,
    DateTimeOffset ScheduledDeparture,
    int SeatCapacity,
    ImmutableDictionary<State, int> SeatsAllocated,
    ImmutableDictionary<State, int> EscortTeams,
    ImmutableList<ManifestEntry> Manifest,
    ImmutableDictionary<State, int> ReturneesOnBoard,
    ImmutableDictionary<Guid, StopProgress> Progress) : IConcernState
{
    /// <summary>Set by <see cref="Fold(Flight?, IEvent)"/> alone (ignored by Marten's own version convention).</summary>
    [JasperFxIgnore]
    public long Version { get; init; }

    /// <summary>The named officers ever assigned, in order; released ones stay, marked, for the records that name them.</summary>
    public ImmutableList<TeamOfficer> Officers { get; init; } = [];

    /// <summary>Every case ever on the manifest, withdrawn ones too: incidents may concern them.</summary>
    public ImmutableHashSet<Guid> EverManifested { get; init; } = [];

    /// <summary>The organisation providing the forced-return monitor, once named.</summary>
    public string? MonitorOrganisation { get; init; }

    /// <summary>Folds one stored event: operational events change the flight and move its version; others pass by.</summary>
    public static Flight? Fold(Flight? flight, IEvent e) =>
        FlightsModule.Bears(e.EventType) ? Fold(flight, e.Data) with { Version = e.Version } : flight;

    /// <summary>Folds one event's data (an operational event, or any other, which changes nothing).</summary>
    public static Flight Fold(Flight? flight, object @event) => (flight, @event) switch
    {
        (null, FlightPlanned e) => new(e.FlightId, e.LeadState, [.. e.ParticipatingStates], [.. FlightRoute.Of(e)],
            FlightStatus.Planned, e.ScheduledDeparture, 0, ImmutableDictionary<State, int>.Empty,
            ImmutableDictionary<State, int>.Empty, ImmutableList<ManifestEntry>.Empty, ImmutableDictionary<State, int>.Empty,
            ImmutableDictionary<Guid, StopProgress>.Empty),
        (null, _) => throw new InvalidOperationException($"A flight stream must start with {nameof(FlightPlanned)}."),
        (_, CharterBooked e) => flight with { Status = FlightStatus.Booked, SeatCapacity = e.SeatCapacity },
        (_, SeatsAllocated e) => flight with
        {
            SeatsAllocated = flight.SeatsAllocated.SetItems(e.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats))),
        },
        // The whole route moves with its departure.
        (_, FlightRescheduled e) => flight with
        {
            ScheduledDeparture = e.NewDeparture,
            Stops = [.. flight.Stops.Select(s => s with { Scheduled = s.Scheduled + (e.NewDeparture - flight.ScheduledDeparture) })],
        },
        (_, StopAdded or StopRetimed or StopRemoved or StopsReordered) => flight with
        {
            Stops = FlightRoute.Changed(flight.Stops, @event),
        },
        (_, EscortTeamAssigned e) => flight with
        {
            EscortTeams = flight.EscortTeams.SetItem(e.State, e.Escorts + e.Medics + e.Interpreters),
        },
        (_, MonitorAssigned e) => flight with { MonitorOrganisation = e.Organisation },
        (_, OfficerAssigned or OfficerReleased) => flight.WithOfficers(TeamOfficer.Changed(flight.Officers, @event)),
        (_, ReturneeManifested e) => flight with
        {
            EverManifested = flight.EverManifested.Add(e.CaseId),
            Manifest = flight.Manifest.Add(new ManifestEntry(e.CaseId, e.State, e.Status == ManifestStatus.Confirmed, e.ManifestedAt,
                e.BoardingStopId ?? flight.BoardingOf(e.State)!.StopId, e.DropOffStopId ?? flight.Stops.First(FlightRoute.IsDropOff).StopId)),
        },
        (_, ReserveConfirmed e) => flight.WithEntry(e.CaseId, entry => entry with { Confirmed = true }),
        (_, ReturneeMovedToReserve e) => flight.WithEntry(e.CaseId, entry => entry with { Confirmed = false }),
        (_, ReturneeWithdrawn e) => flight with { Manifest = flight.Manifest.RemoveAll(m => m.CaseId == e.CaseId) },
        (_, ManifestLocked) => flight with { Status = FlightStatus.ManifestLocked },
        (_, FlightDeparted e) => flight with
        {
            Status = FlightStatus.Departed,
            ReturneesOnBoard = e.ReturneesOnBoard.ToImmutableDictionary(c => c.State, c => c.Returnees),
            Progress = flight.Progress.SetItem(flight.Stops[0].StopId, new StopProgress(DepartedAt: e.ActualDeparture)),
        },
        (_, StopArrived e) => flight.WithProgress(e.StopId, p => p with { ArrivedAt = e.ActualArrival }),
        (_, StopDeparted e) => flight.WithProgress(e.StopId, p => p with { DepartedAt = e.ActualDeparture }),
        (_, HandoverRecorded e) => flight.WithProgress(e.StopId, p => p with { Handover = e.Outcomes }),
        (_, FlightCompleted) => flight with { Status = FlightStatus.Completed },
        (_, FlightCancelled) => flight with { Status = FlightStatus.Cancelled },
        _ => flight,
    };

    public bool Participates(State state) => ParticipatingStates.Contains(state);

    /// <summary>The officer, if ever assigned to this flight (released or not).</summary>
    public TeamOfficer? OfficerOf(Guid officerId) => Officers.Find(o => o.OfficerId == officerId);

    /// <summary>The officers on the team now.</summary>
    public IEnumerable<TeamOfficer> Team => Officers.Where(o => !o.Released);

    /// <summary>Whether the state's team is counted from its named officers (once it has had any).</summary>
    public bool NamesTeamOf(State state) => Officers.Any(o => o.State == state);

    /// <summary>A roster change: each state that has named officers has its team counted from them.</summary>
    private Flight WithOfficers(ImmutableList<TeamOfficer> officers) => this with
    {
        Officers = officers,
        EscortTeams = EscortTeams.SetItems(officers.GroupBy(o => o.State)
            .Select(named => KeyValuePair.Create(named.Key, named.Count(o => !o.Released)))),
    };

    public int AllocatedTo(State state) => SeatsAllocated.GetValueOrDefault(state);

    public int TeamOf(State state) => EscortTeams.GetValueOrDefault(state);

    public int ConfirmedOf(State state) => Manifest.Count(m => m.State == state && m.Confirmed);

    /// <summary>Seats of the state's allocation not taken by its confirmed returnees and its escort team.</summary>
    public int FreeSeatsOf(State state) => AllocatedTo(state) - ConfirmedOf(state) - TeamOf(state);

    public ManifestEntry? EntryOf(Guid caseId) => Manifest.FirstOrDefault(m => m.CaseId == caseId);

    /// <summary>The stop's place in the route (0 for the departure), or -1 if it is not a stop of this flight.</summary>
    public int IndexOf(Guid stopId) => Stops.FindIndex(s => s.StopId == stopId);

    public FlightStop? StopOf(Guid stopId) => Stops.Find(s => s.StopId == stopId);

    public StopProgress ProgressAt(Guid stopId) => Progress.GetValueOrDefault(stopId) ?? new StopProgress();

    /// <summary>The first stop that boards the state's people, if any.</summary>
    public FlightStop? BoardingOf(State state) => Stops.Find(s => s.Boards(state, LeadState));

    /// <summary>The first drop-off of the country, if any.</summary>
    public FlightStop? DropOffOf(string country) => Stops.Find(s => s.IsDropOff() && s.CountryOfReturn == country);

    /// <summary>The countries of return of the drop-offs, in route order.</summary>
    public IReadOnlyList<string> CountriesOfReturn => FlightRoute.Countries(Stops);

    /// <summary>Each leg's people on board: confirmed returnees and escort teams (<see cref="FlightRoute.Legs"/>).</summary>
    public IReadOnlyList<Leg> Legs(IEnumerable<ManifestEntry>? manifest = null) => FlightRoute.Legs(Stops, LeadState,
        (manifest ?? Manifest).Where(m => m.Confirmed).Select(m => (m.BoardingStopId, m.DropOffStopId)), EscortTeams);

    /// <summary>
    /// The first leg that one more confirmed person boarding and leaving at these stops would overfill, with its place
    /// (1 for the first leg); null when the person fits at every leg.
    /// </summary>
    public (int Place, Leg Leg)? OverfilledBy(Guid boardingStopId, Guid dropOffStopId)
    {
        var legs = Legs();
        for (var leg = IndexOf(boardingStopId); leg < IndexOf(dropOffStopId); leg++)
        {
            if (legs[leg].People + 1 > SeatCapacity)
            {
                return (leg + 1, legs[leg]);
            }
        }

        return null;
    }

    /// <summary>Refuses any command on a cancelled, departed or completed flight, naming why.</summary>
    public Decision? RefuseUnlessOperational() => Status switch
    {
        FlightStatus.Cancelled => Decision.Refuse("Refusal.Cancelled"),
        FlightStatus.Departed or FlightStatus.Completed => Decision.Refuse("Refusal.Departed"),
        _ => null,
    };

    private Flight WithProgress(Guid stopId, Func<StopProgress, StopProgress> change) =>
        this with { Progress = Progress.SetItem(stopId, change(ProgressAt(stopId))) };

    private Flight WithEntry(Guid caseId, Func<ManifestEntry, ManifestEntry> change) =>
        this with { Manifest = Manifest.Select(m => m.CaseId == caseId ? change(m) : m).ToImmutableList() };
}
