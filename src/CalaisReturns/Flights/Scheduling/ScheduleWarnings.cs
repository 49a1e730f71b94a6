using CalaisReturns.Core.Http;

namespace CalaisReturns.Flights.Scheduling;

/// <summary>
/// What a planner should look at before a flight can go ahead, as texts written in the reader's language.
/// The schedule document keeps them in English for API clients (<see cref="FlightSchedule.Warnings"/>);
/// the pages write them again in the reader's.
/// </summary>
public static class ScheduleWarnings
{
    public static readonly string NoCharter = Texts.In(Languages.English, "Warning.NoCharter");
    public static readonly string NoMonitor = Texts.In(Languages.English, "Warning.NoMonitor");

    /// <summary>The warnings while the flight can still change; none once it has left or is cancelled.</summary>
    public static IEnumerable<Text> Current(FlightSchedule view, int escortsPerReturnee) =>
        view.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked
            ? For(view, escortsPerReturnee)
            : [];

    private static IEnumerable<Text> For(FlightSchedule view, int escortsPerReturnee)
    {
        if (view.SeatCapacity is null)
        {
            yield return new Text("Warning.NoCharter");
        }

        foreach (var team in view.States)
        {
            if (view.SeatCapacity is not null && team.SeatsAllocated == 0)
            {
                yield return new Text("Warning.NoSeats", team.State);
            }

            if (team.Escorts == 0)
            {
                yield return new Text("Warning.NoEscorts", team.State);
            }
            else if (team.Escorts < escortsPerReturnee * team.Confirmed)
            {
                yield return new Text("Warning.FewEscorts", team.State, team.Escorts, team.Confirmed, escortsPerReturnee);
            }
        }

        if (view.MonitorOrganisation is null)
        {
            yield return new Text("Warning.NoMonitor");
        }
    }
}
