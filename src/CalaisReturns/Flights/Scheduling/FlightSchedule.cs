using System.Collections.Immutable;
using JasperFx.Core;

namespace CalaisReturns.Flights.Scheduling;

/// <summary>Per-state figures of one flight in the schedule.</summary>
public sealed record StateTeam
{
    public State State { get; init; }
    public int SeatsAllocated { get; init; }
    public int Escorts { get; init; }
    public int Medics { get; init; }
    public int Interpreters { get; init; }
    public int Confirmed { get; init; }
    public int Reserves { get; init; }
    public int Withdrawn { get; init; }
    public int? ReturneesOnBoard { get; init; }
    public int? HandedOver { get; init; }
    public int? RefusedAdmission { get; init; }
}

public enum ManifestLineStatus
{
    Confirmed,
    Reserve,
    Withdrawn,
}

/// <summary>One case on the manifest, by reference only.</summary>
public sealed record ManifestLine
{
    public Guid CaseId { get; init; }
    public State State { get; init; }
    public string CaseReference { get; init; } = "";
    public ManifestLineStatus Status { get; init; }
    public DateTimeOffset ManifestedAt { get; init; }
    public WithdrawalReason? WithdrawalReason { get; init; }
}

/// <summary>One flight as the schedule shows it. Holds no personal data and no money.</summary>
public sealed record FlightSchedule
{
    public Guid Id { get; init; }

    /// <summary>The operations version (<see cref="IConcernState"/>): what a planner's command sends as its expected version.</summary>
    [JasperFxIgnore]
    public int Version { get; init; }

    public string Reference { get; init; } = "";
    public FlightStatus Status { get; init; }
    public State LeadState { get; init; }
    public ImmutableList<State> ParticipatingStates { get; init; } = [];
    public string CountryOfReturn { get; init; } = "";
    public string DepartureAirport { get; init; } = "";
    public string DestinationAirport { get; init; } = "";
    public DateTimeOffset ScheduledDeparture { get; init; }
    public DateTimeOffset? ActualDeparture { get; init; }
    public string? Carrier { get; init; }
    public string? AircraftType { get; init; }
    public string? ContractReference { get; init; }
    public int? SeatCapacity { get; init; }
    public string? MonitorOrganisation { get; init; }
    public string? CancellationReason { get; init; }
    public DateTimeOffset? ManifestLockedAt { get; init; }
    public ImmutableList<StateTeam> States { get; init; } = [];
    public ImmutableList<ManifestLine> Manifest { get; init; } = [];

    /// <summary>What a planner should look at before the flight can go ahead.</summary>
    public ImmutableList<string> Warnings { get; init; } = [];

    public StateTeam For(State state) => States.First(s => s.State == state);
}
