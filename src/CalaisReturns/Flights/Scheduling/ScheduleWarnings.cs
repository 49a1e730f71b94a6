namespace CalaisReturns.Flights.Scheduling;

public static class ScheduleWarnings
{
    public const string NoCharter = "No charter booked.";
    public const string NoMonitor = "No forced-return monitor assigned.";

    public static IEnumerable<string> For(FlightSchedule view, int escortsPerReturnee)
    {
        if (view.SeatCapacity is null)
        {
            yield return NoCharter;
        }

        foreach (var team in view.States)
        {
            if (view.SeatCapacity is not null && team.SeatsAllocated == 0)
            {
                yield return $"No seats allocated to {team.State}.";
            }

            if (team.Escorts == 0)
            {
                yield return $"No escort team assigned for {team.State}.";
            }
            else if (team.Escorts < escortsPerReturnee * team.Confirmed)
            {
                yield return $"{team.State} has {team.Escorts} escorts for {team.Confirmed} confirmed returnees; "
                    + $"the minimum is {escortsPerReturnee} per returnee.";
            }
        }

        if (view.MonitorOrganisation is null)
        {
            yield return NoMonitor;
        }
    }
}
