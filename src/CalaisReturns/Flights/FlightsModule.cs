using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Planning;
using CalaisReturns.Flights.Scheduling;
using JasperFx.Events.Projections;

namespace CalaisReturns.Flights;

public static class FlightsModule
{
    /// <summary>Every event of the ReturnsFlight stream; the event catalogue test pins their stored shape.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(FlightPlanned), typeof(CharterBooked), typeof(SeatsAllocated), typeof(FlightRescheduled),
        typeof(EscortTeamAssigned), typeof(MonitorAssigned), typeof(FlightDeparted), typeof(FlightCompleted),
        typeof(FlightCancelled), typeof(ReturneeManifested), typeof(ReserveConfirmed), typeof(ReturneeWithdrawn),
        typeof(ReturneeMovedToReserve), typeof(ManifestLocked), typeof(StopAdded), typeof(StopRetimed), typeof(StopRemoved),
        typeof(StopsReordered), typeof(StopArrived), typeof(StopDeparted), typeof(HandoverRecorded), typeof(OfficerAssigned),
        typeof(OfficerReleased),
    ];

    private static readonly HashSet<Type> Operational = [.. EventTypes];

    /// <summary>Whether an event bears on planners' decisions: it moves the operations version.</summary>
    public static bool Bears(Type eventType) => Operational.Contains(eventType);

    public static StoreOptions ConfigureFlights(this StoreOptions options, ManifestRules rules)
    {
        options.Events.AddEventTypes(EventTypes);
        options.Projections.Add(new FlightProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new FlightScheduleProjection(rules), ProjectionLifecycle.Inline);
        options.Schema.For<FlightSchedule>()
            .Index(f => f.ScheduledDeparture)
            .Index(f => f.Reference, i => i.IsUnique = true);
        FlightReferences.AddCounterTable(options);
        return options;
    }
}
