using JasperFx.Core;

namespace CalaisReturns.Flights.Scheduling;

/// <summary>Per-state figures of one flight in the schedule.</summary>
public sealed class StateTeam
{
    public State State { get; set; }
    public int SeatsAllocated { get; set; }
    public int Escorts { get; set; }
    public int Medics { get; set; }
    public int Interpreters { get; set; }
    public int Confirmed { get; set; }
    public int Reserves { get; set; }
    public int Withdrawn { get; set; }
    public int? ReturneesOnBoard { get; set; }
    public int? HandedOver { get; set; }
    public int? RefusedAdmission { get; set; }
}

public enum ManifestLineStatus
{
    Confirmed,
    Reserve,
    Withdrawn,
}

/// <summary>One case on the manifest, by reference only.</summary>
public sealed class ManifestLine
{
    public Guid CaseId { get; set; }
    public State State { get; set; }
    public string CaseReference { get; set; } = "";
    public ManifestLineStatus Status { get; set; }
    public DateTimeOffset ManifestedAt { get; set; }
    public WithdrawalReason? WithdrawalReason { get; set; }
}

/// <summary>One flight as the schedule shows it. Holds no personal data and no money.</summary>
public sealed class FlightSchedule
{
    public Guid Id { get; set; }

    /// <summary>The operations version (<see cref="IConcernState"/>): what a planner's command sends as its expected version.</summary>
    [JasperFxIgnore]
    public int Version { get; set; }

    public string Reference { get; set; } = "";
    public FlightStatus Status { get; set; }
    public State LeadState { get; set; }
    public List<State> ParticipatingStates { get; set; } = [];
    public string CountryOfReturn { get; set; } = "";
    public string DepartureAirport { get; set; } = "";
    public string DestinationAirport { get; set; } = "";
    public DateTimeOffset ScheduledDeparture { get; set; }
    public DateTimeOffset? ActualDeparture { get; set; }
    public string? Carrier { get; set; }
    public string? AircraftType { get; set; }
    public string? ContractReference { get; set; }
    public int? SeatCapacity { get; set; }
    public string? MonitorOrganisation { get; set; }
    public string? CancellationReason { get; set; }
    public DateTimeOffset? ManifestLockedAt { get; set; }
    public List<StateTeam> States { get; set; } = [];
    public List<ManifestLine> Manifest { get; set; } = [];

    /// <summary>What a planner should look at before the flight can go ahead.</summary>
    public List<string> Warnings { get; set; } = [];

    public StateTeam For(State state) => States.First(s => s.State == state);
}
