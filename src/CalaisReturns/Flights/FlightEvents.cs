namespace CalaisReturns.Flights;

// Events of the ReturnsFlight stream. Facts only, never derived totals. Their stored names and
// JSON shapes are pinned by the event catalogue snapshot test: old streams must stay readable.

/// <summary>
/// A flight planned. <see cref="DepartureAirport"/>, <see cref="DestinationAirport"/> and <see cref="CountryOfReturn"/>
/// name the first stop, the last stop and its country. <see cref="Stops"/> is the whole route; a flight planned before
/// flights had stops stored none, and is read as the two-stop route <see cref="FlightRoute.Of(FlightPlanned)"/> derives.
/// </summary>
public sealed record FlightPlanned(
    Guid FlightId,
    string Reference,
    State LeadState,
    IReadOnlyList<State> ParticipatingStates,
    string CountryOfReturn,
    string DepartureAirport,
    string DestinationAirport,
    DateTimeOffset ScheduledDeparture,
    DateTimeOffset PlannedAt,
    IReadOnlyList<FlightStop>? Stops = null);

public enum StopKind
{
    Departure,
    PickUp,
    DropOff,
    PickUpAndDropOff,
}

/// <summary>
/// One stop of a flight's route. <see cref="States"/> are the states whose returnees and escorts board there (a departure
/// that lists none boards the lead state's); <see cref="CountryOfReturn"/> is the country whose returnees are handed over
/// there (drop-offs only). <see cref="Scheduled"/> is absent only for the destination of a flight planned before stops.
/// </summary>
public sealed record FlightStop(
    Guid StopId,
    string Airport,
    StopKind Kind,
    IReadOnlyList<State> States,
    string? CountryOfReturn,
    DateTimeOffset? Scheduled);

/// <summary>A stop put into the route after the stop <see cref="AfterStopId"/>.</summary>
public sealed record StopAdded(Guid FlightId, FlightStop Stop, Guid AfterStopId, string Reason, DateTimeOffset AddedAt);

public sealed record StopRetimed(Guid FlightId, Guid StopId, DateTimeOffset Scheduled, string Reason, DateTimeOffset RetimedAt);

public sealed record StopRemoved(Guid FlightId, Guid StopId, string Reason, DateTimeOffset RemovedAt);

public sealed record StopTime(Guid StopId, DateTimeOffset? Scheduled);

/// <summary>The route's stops in a new order, each with its scheduled time in that order.</summary>
public sealed record StopsReordered(Guid FlightId, IReadOnlyList<StopTime> Stops, string Reason, DateTimeOffset ReorderedAt);

/// <summary>The aircraft landed at a stop after the first.</summary>
public sealed record StopArrived(Guid FlightId, Guid StopId, DateTimeOffset ActualArrival, DateTimeOffset RecordedAt);

/// <summary>The aircraft left a stop between the first and the last (leaving the first is <see cref="FlightDeparted"/>).</summary>
public sealed record StopDeparted(Guid FlightId, Guid StopId, DateTimeOffset ActualDeparture, DateTimeOffset RecordedAt);

/// <summary>Per state: at one drop-off, how many were handed over and which cases were refused admission.</summary>
public sealed record HandoverRecorded(Guid FlightId, Guid StopId, IReadOnlyList<HandoverOutcome> Outcomes, DateTimeOffset RecordedAt);

public sealed record CharterBooked(
    Guid FlightId,
    string Carrier,
    string AircraftType,
    int SeatCapacity,
    string ContractReference,
    Money ContractPrice,
    DateTimeOffset BookedAt);

public sealed record SeatAllocation(State State, int Seats);

/// <summary>Sets the seat allocation of each listed state; states not listed keep theirs.</summary>
public sealed record SeatsAllocated(Guid FlightId, IReadOnlyList<SeatAllocation> Allocations, DateTimeOffset AllocatedAt);

public sealed record FlightRescheduled(Guid FlightId, DateTimeOffset NewDeparture, string Reason, DateTimeOffset RescheduledAt);

/// <summary>Replaces the state's escort team on this flight.</summary>
public sealed record EscortTeamAssigned(
    Guid FlightId,
    State State,
    int Escorts,
    int Medics,
    int Interpreters,
    DateTimeOffset AssignedAt);

public sealed record MonitorAssigned(Guid FlightId, string Organisation, DateTimeOffset AssignedAt);

public enum OfficerDuty
{
    Escort,
    Medic,
    Interpreter,
}

/// <summary>
/// A named officer of the roster on the flight's team, by id and staff number (never the name, which stays on the
/// officer's own stream). Once a state has named officers, its escort team is counted from them.
/// </summary>
public sealed record OfficerAssigned(Guid FlightId, Guid OfficerId, State State, string StaffNumber, OfficerDuty Duty,
    DateTimeOffset AssignedAt);

/// <summary>The officer is off the flight's team (before departure), with the reason.</summary>
public sealed record OfficerReleased(Guid FlightId, Guid OfficerId, string Reason, DateTimeOffset ReleasedAt);

public sealed record StateCount(State State, int Returnees);

public sealed record FlightDeparted(
    Guid FlightId,
    DateTimeOffset ActualDeparture,
    IReadOnlyList<StateCount> ReturneesOnBoard,
    DateTimeOffset RecordedAt);

/// <summary>Per state: how many were handed over, and which cases the destination refused to admit.</summary>
public sealed record HandoverOutcome(State State, int HandedOver, IReadOnlyList<Guid> RefusedAdmission);

/// <summary>
/// The flight completed: per state over all its drop-offs. On a flight with stops it follows the last drop-off's
/// <see cref="HandoverRecorded"/>, and sums them.
/// </summary>
public sealed record FlightCompleted(Guid FlightId, IReadOnlyList<HandoverOutcome> Outcomes, DateTimeOffset CompletedAt);

public sealed record FlightCancelled(Guid FlightId, string Reason, DateTimeOffset CancelledAt);

public enum ManifestStatus
{
    Confirmed,
    Reserve,
}

/// <summary>
/// A case put on the manifest, with the stops where the person boards and is handed over. Its reference, never its
/// name: flights hold no personal data. Entries stored before stops name none: they board at the first stop that boards
/// their state and are handed over at the flight's one drop-off.
/// </summary>
public sealed record ReturneeManifested(
    Guid FlightId,
    Guid CaseId,
    State State,
    string CaseReference,
    ManifestStatus Status,
    DateTimeOffset ManifestedAt,
    Guid? BoardingStopId = null,
    Guid? DropOffStopId = null);

public sealed record ReserveConfirmed(Guid FlightId, Guid CaseId, DateTimeOffset ConfirmedAt);

public enum WithdrawalReason
{
    Barrier,
    Medical,
    Absconded,
    VoluntaryDeparture,
    Administrative,
    CaseClosed,
    FlightCancelled,
}

public sealed record ReturneeWithdrawn(Guid FlightId, Guid CaseId, WithdrawalReason Reason, DateTimeOffset WithdrawnAt);

/// <summary>A confirmed returnee who no longer meets the notice period (the flight moved earlier) becomes a reserve.</summary>
public sealed record ReturneeMovedToReserve(Guid FlightId, Guid CaseId, string Reason, DateTimeOffset MovedAt);

public sealed record ManifestLocked(Guid FlightId, DateTimeOffset LockedAt);
