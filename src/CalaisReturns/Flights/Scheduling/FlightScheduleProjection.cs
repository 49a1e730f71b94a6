using Marten.Events.Aggregation;

namespace CalaisReturns.Flights.Scheduling;

public sealed partial class FlightScheduleProjection : SingleStreamProjection<FlightSchedule, Guid>
{
    public FlightSchedule Create(FlightPlanned e)
    {
        var view = new FlightSchedule
        {
            Id = e.FlightId,
            Reference = e.Reference,
            Status = FlightStatus.Planned,
            LeadState = e.LeadState,
            ParticipatingStates = [.. e.ParticipatingStates],
            CountryOfReturn = e.CountryOfReturn,
            DepartureAirport = e.DepartureAirport,
            DestinationAirport = e.DestinationAirport,
            ScheduledDeparture = e.ScheduledDeparture,
            States = [.. e.ParticipatingStates.Select(s => new StateTeam { State = s })],
        };
        Warn(view);
        return view;
    }

    public void Apply(CharterBooked e, FlightSchedule view)
    {
        view.Status = FlightStatus.Booked;
        view.Carrier = e.Carrier;
        view.AircraftType = e.AircraftType;
        view.ContractReference = e.ContractReference;
        view.SeatCapacity = e.SeatCapacity;
        Warn(view);
    }

    public void Apply(SeatsAllocated e, FlightSchedule view)
    {
        foreach (var allocation in e.Allocations)
        {
            view.For(allocation.State).SeatsAllocated = allocation.Seats;
        }

        Warn(view);
    }

    public void Apply(FlightRescheduled e, FlightSchedule view)
    {
        view.ScheduledDeparture = e.NewDeparture;
    }

    public void Apply(EscortTeamAssigned e, FlightSchedule view)
    {
        var team = view.For(e.State);
        team.Escorts = e.Escorts;
        team.Medics = e.Medics;
        team.Interpreters = e.Interpreters;
        Warn(view);
    }

    public void Apply(MonitorAssigned e, FlightSchedule view)
    {
        view.MonitorOrganisation = e.Organisation;
        Warn(view);
    }

    public void Apply(FlightDeparted e, FlightSchedule view)
    {
        view.Status = FlightStatus.Departed;
        view.ActualDeparture = e.ActualDeparture;
        foreach (var team in view.States)
        {
            team.ReturneesOnBoard = e.ReturneesOnBoard.FirstOrDefault(c => c.State == team.State)?.Returnees ?? 0;
        }

        Warn(view);
    }

    public void Apply(FlightCompleted e, FlightSchedule view)
    {
        view.Status = FlightStatus.Completed;
        foreach (var team in view.States)
        {
            var outcome = e.Outcomes.FirstOrDefault(o => o.State == team.State);
            team.HandedOver = outcome?.HandedOver ?? 0;
            team.RefusedAdmission = outcome?.RefusedAdmission ?? 0;
        }

        Warn(view);
    }

    public void Apply(FlightCancelled e, FlightSchedule view)
    {
        view.Status = FlightStatus.Cancelled;
        view.CancellationReason = e.Reason;
        Warn(view);
    }

    /// <summary>Warnings matter only while the flight can still be changed.</summary>
    private static void Warn(FlightSchedule view) =>
        view.Warnings = view.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked
            ? [.. ScheduleWarnings.For(view)]
            : [];
}
