using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Accountability.Monitoring;

/// <summary>The flights a monitor's organisation is assigned to (<see cref="Actor.MonitorsFor"/>), the latest first.</summary>
public static class MonitoredFlights
{
    public static async Task<IReadOnlyList<FlightSchedule>> Of(IQuerySession session, Actor monitor, CancellationToken ct)
    {
        if (monitor is not { Role: Role.Monitor, Organisation: { } organisation })
        {
            return [];
        }

        return await session.Query<FlightSchedule>()
            .Where(f => f.MonitorOrganisation != null && f.MonitorOrganisation.Equals(organisation, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(f => f.ScheduledDeparture).Take(FlightSchedules.MaxFlights).ToListAsync(ct);
    }
}
