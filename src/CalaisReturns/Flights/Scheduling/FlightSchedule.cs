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

    /// <summary>The stop where the person boards.</summary>
    public Guid BoardingStopId { get; init; }

    /// <summary>The drop-off where the person is handed over.</summary>
    public Guid DropOffStopId { get; init; }
}

/// <summary>One stop of the flight's route, as planned and as flown. Times are UTC instants.</summary>
public sealed record ScheduleStop
{
    public Guid StopId { get; init; }
    public string Airport { get; init; } = "";
    public StopKind Kind { get; init; }

    /// <summary>The states whose people board there (a departure that lists none boards the lead state's).</summary>
    public ImmutableList<State> States { get; init; } = [];

    /// <summary>At a drop-off, the country whose returnees are handed over there.</summary>
    public string? CountryOfReturn { get; init; }

    /// <summary>Absent only for the destination of a flight planned before flights had stops.</summary>
    public DateTimeOffset? Scheduled { get; init; }
    public DateTimeOffset? ActualArrival { get; init; }
    public DateTimeOffset? ActualDeparture { get; init; }

    /// <summary>At a drop-off once recorded: returnees handed over there, all states together.</summary>
    public int? HandedOver { get; init; }

    /// <summary>At a drop-off once recorded: the cases refused admission there.</summary>
    public int? RefusedAdmission { get; init; }

    public static ScheduleStop Of(FlightStop stop) => new()
    {
        StopId = stop.StopId,
        Airport = stop.Airport,
        Kind = stop.Kind,
        States = [.. stop.States],
        CountryOfReturn = stop.CountryOfReturn,
        Scheduled = stop.Scheduled,
    };

    public FlightStop Planned => new(StopId, Airport, Kind, States, CountryOfReturn, Scheduled);
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

    /// <summary>The country of the last stop. <see cref="CountriesOfReturn"/> lists every drop-off's.</summary>
    public string CountryOfReturn { get; init; } = "";

    /// <summary>The countries of return of the drop-offs, in route order (what the country filter matches).</summary>
    public ImmutableList<string> CountriesOfReturn { get; init; } = [];

    /// <summary>The first stop's airport.</summary>
    public string DepartureAirport { get; init; } = "";

    /// <summary>The last stop's airport.</summary>
    public string DestinationAirport { get; init; } = "";

    /// <summary>The route: the departure, then pick-ups and drop-offs in order; a one-hop flight has two.</summary>
    public ImmutableList<ScheduleStop> Stops { get; init; } = [];

    /// <summary>Each leg's people on board (confirmed returnees and escort teams), stop to stop.</summary>
    public ImmutableList<Leg> Legs { get; init; } = [];
    public DateTimeOffset ScheduledDeparture { get; init; }
    public DateTimeOffset? ActualDeparture { get; init; }
    public string? Carrier { get; init; }
    public string? AircraftType { get; init; }
    public string? ContractReference { get; init; }
    public int? SeatCapacity { get; init; }
    public string? MonitorOrganisation { get; init; }

    /// <summary>The named officers assigned (by id and staff number, never by name), released ones marked.</summary>
    public ImmutableList<TeamOfficer> Officers { get; init; } = [];
    public string? CancellationReason { get; init; }
    public DateTimeOffset? ManifestLockedAt { get; init; }
    public ImmutableList<StateTeam> States { get; init; } = [];
    public ImmutableList<ManifestLine> Manifest { get; init; } = [];

    /// <summary>What a planner should look at before the flight can go ahead.</summary>
    public ImmutableList<string> Warnings { get; init; } = [];

    public StateTeam For(State state) => States.First(s => s.State == state);

    public ScheduleStop? StopOf(Guid stopId) => Stops.Find(s => s.StopId == stopId);

    /// <summary>The same flight with this route (and the fields that name its ends).</summary>
    public FlightSchedule Routed(IEnumerable<FlightStop> route)
    {
        var stops = route.Select(s => StopOf(s.StopId) is { } known
            ? known with { Kind = s.Kind, States = [.. s.States], CountryOfReturn = s.CountryOfReturn, Scheduled = s.Scheduled }
            : ScheduleStop.Of(s)).ToImmutableList();
        return this with
        {
            Stops = stops,
            DepartureAirport = stops[0].Airport,
            DestinationAirport = stops[^1].Airport,
            CountryOfReturn = stops[^1].CountryOfReturn ?? "",
            CountriesOfReturn = [.. FlightRoute.Countries(stops.Select(s => s.Planned))],
        };
    }
}
