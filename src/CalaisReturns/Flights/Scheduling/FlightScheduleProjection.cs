using CalaisReturns.Flights.Manifesting;
using Marten.Events.Aggregation;

namespace CalaisReturns.Flights.Scheduling;

public sealed partial class FlightScheduleProjection(ManifestRules rules) : SingleStreamProjection<FlightSchedule, Guid>
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
        Refresh(view);
        return view;
    }

    public void Apply(CharterBooked e, FlightSchedule view)
    {
        view.Status = FlightStatus.Booked;
        view.Carrier = e.Carrier;
        view.AircraftType = e.AircraftType;
        view.ContractReference = e.ContractReference;
        view.SeatCapacity = e.SeatCapacity;
        Refresh(view);
    }

    public void Apply(SeatsAllocated e, FlightSchedule view)
    {
        foreach (var allocation in e.Allocations)
        {
            view.For(allocation.State).SeatsAllocated = allocation.Seats;
        }

        Refresh(view);
    }

    public void Apply(FlightRescheduled e, FlightSchedule view) => view.ScheduledDeparture = e.NewDeparture;

    public void Apply(EscortTeamAssigned e, FlightSchedule view)
    {
        var team = view.For(e.State);
        team.Escorts = e.Escorts;
        team.Medics = e.Medics;
        team.Interpreters = e.Interpreters;
        Refresh(view);
    }

    public void Apply(MonitorAssigned e, FlightSchedule view)
    {
        view.MonitorOrganisation = e.Organisation;
        Refresh(view);
    }

    public void Apply(ReturneeManifested e, FlightSchedule view)
    {
        view.Manifest.Add(new ManifestLine
        {
            CaseId = e.CaseId,
            State = e.State,
            CaseReference = e.CaseReference,
            Status = e.Status == ManifestStatus.Confirmed ? ManifestLineStatus.Confirmed : ManifestLineStatus.Reserve,
            ManifestedAt = e.ManifestedAt,
        });
        Refresh(view);
    }

    public void Apply(ReserveConfirmed e, FlightSchedule view)
    {
        Line(view, e.CaseId).Status = ManifestLineStatus.Confirmed;
        Refresh(view);
    }

    public void Apply(ReturneeMovedToReserve e, FlightSchedule view)
    {
        Line(view, e.CaseId).Status = ManifestLineStatus.Reserve;
        Refresh(view);
    }

    public void Apply(ReturneeWithdrawn e, FlightSchedule view)
    {
        var line = Line(view, e.CaseId);
        line.Status = ManifestLineStatus.Withdrawn;
        line.WithdrawalReason = e.Reason;
        Refresh(view);
    }

    public void Apply(ManifestLocked e, FlightSchedule view)
    {
        view.Status = FlightStatus.ManifestLocked;
        view.ManifestLockedAt = e.LockedAt;
        Refresh(view);
    }

    public void Apply(FlightDeparted e, FlightSchedule view)
    {
        view.Status = FlightStatus.Departed;
        view.ActualDeparture = e.ActualDeparture;
        foreach (var team in view.States)
        {
            team.ReturneesOnBoard = e.ReturneesOnBoard.FirstOrDefault(c => c.State == team.State)?.Returnees ?? 0;
        }

        Refresh(view);
    }

    public void Apply(FlightCompleted e, FlightSchedule view)
    {
        view.Status = FlightStatus.Completed;
        foreach (var team in view.States)
        {
            var outcome = e.Outcomes.FirstOrDefault(o => o.State == team.State);
            team.HandedOver = outcome?.HandedOver ?? 0;
            team.RefusedAdmission = outcome?.RefusedAdmission.Count ?? 0;
        }

        Refresh(view);
    }

    public void Apply(FlightCancelled e, FlightSchedule view)
    {
        view.Status = FlightStatus.Cancelled;
        view.CancellationReason = e.Reason;
        Refresh(view);
    }

    private static ManifestLine Line(FlightSchedule view, Guid caseId) =>
        view.Manifest.Last(m => m.CaseId == caseId);

    /// <summary>Recounts the manifest per state; warnings matter only while the flight can still change.</summary>
    private void Refresh(FlightSchedule view)
    {
        foreach (var team in view.States)
        {
            var lines = view.Manifest.Where(m => m.State == team.State).ToList();
            team.Confirmed = lines.Count(m => m.Status == ManifestLineStatus.Confirmed);
            team.Reserves = lines.Count(m => m.Status == ManifestLineStatus.Reserve);
            team.Withdrawn = lines.Count(m => m.Status == ManifestLineStatus.Withdrawn);
        }

        view.Warnings = view.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked
            ? [.. ScheduleWarnings.For(view, rules.EscortsPerReturnee)]
            : [];
    }
}
