namespace CalaisReturns.Flights;

// Events of the ReturnsFlight stream. Facts only, never derived totals. Their stored names and
// JSON shapes are pinned by the event catalogue snapshot test: old streams must stay readable.

public sealed record FlightPlanned(
    Guid FlightId,
    string Reference,
    State LeadState,
    IReadOnlyList<State> ParticipatingStates,
    string CountryOfReturn,
    string DepartureAirport,
    string DestinationAirport,
    DateTimeOffset ScheduledDeparture,
    DateTimeOffset PlannedAt);

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

public sealed record StateCount(State State, int Returnees);

public sealed record FlightDeparted(
    Guid FlightId,
    DateTimeOffset ActualDeparture,
    IReadOnlyList<StateCount> ReturneesOnBoard,
    DateTimeOffset RecordedAt);

/// <summary>Per state: how many were handed over, and which cases the destination refused to admit.</summary>
public sealed record HandoverOutcome(State State, int HandedOver, IReadOnlyList<Guid> RefusedAdmission);

public sealed record FlightCompleted(Guid FlightId, IReadOnlyList<HandoverOutcome> Outcomes, DateTimeOffset CompletedAt);

public sealed record FlightCancelled(Guid FlightId, string Reason, DateTimeOffset CancelledAt);

public enum ManifestStatus
{
    Confirmed,
    Reserve,
}

/// <summary>A case put on the manifest. Its reference, never its name: flights hold no personal data.</summary>
public sealed record ReturneeManifested(
    Guid FlightId,
    Guid CaseId,
    State State,
    string CaseReference,
    ManifestStatus Status,
    DateTimeOffset ManifestedAt);

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
