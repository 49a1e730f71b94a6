using CalaisReturns.Flights.Manifesting;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Flights.Scheduling;

/// <summary>
/// Inline: every operational event changes the flight's schedule entry and sets its <see cref="FlightSchedule.Version"/>
/// to the operations version, the one planners' commands check; finance events never reach it.
/// </summary>
public sealed partial class FlightScheduleProjection : SingleStreamProjection<FlightSchedule, Guid>
{
    private readonly ManifestRules rules;

    public FlightScheduleProjection(ManifestRules rules)
    {
        this.rules = rules;
        foreach (var type in FlightsModule.EventTypes)
        {
            IncludeType(type);
        }
    }

    public override FlightSchedule? Evolve(FlightSchedule? view, Guid id, IEvent e)
    {
        if (!FlightsModule.Bears(e.EventType) || (view is null && e.Data is not FlightPlanned))
        {
            return view;
        }

        var next = e.Data switch
        {
            FlightPlanned planned => Planned(planned),
            CharterBooked x => On(x, view!),
            SeatsAllocated x => On(x, view!),
            FlightRescheduled x => On(x, view!),
            EscortTeamAssigned x => On(x, view!),
            MonitorAssigned x => On(x, view!),
            ReturneeManifested x => On(x, view!),
            ReserveConfirmed x => On(x, view!),
            ReturneeMovedToReserve x => On(x, view!),
            ReturneeWithdrawn x => On(x, view!),
            ManifestLocked x => On(x, view!),
            FlightDeparted x => On(x, view!),
            FlightCompleted x => On(x, view!),
            FlightCancelled x => On(x, view!),
            _ => throw new InvalidOperationException($"{e.EventType.Name} is operational but the schedule does not show it."),
        };
        next.Version = (int)e.Version;
        return next;
    }

    private FlightSchedule Planned(FlightPlanned e)
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

    private FlightSchedule On(CharterBooked e, FlightSchedule view)
    {
        view.Status = FlightStatus.Booked;
        view.Carrier = e.Carrier;
        view.AircraftType = e.AircraftType;
        view.ContractReference = e.ContractReference;
        view.SeatCapacity = e.SeatCapacity;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(SeatsAllocated e, FlightSchedule view)
    {
        foreach (var allocation in e.Allocations)
        {
            view.For(allocation.State).SeatsAllocated = allocation.Seats;
        }

        Refresh(view);
        return view;
    }

    private static FlightSchedule On(FlightRescheduled e, FlightSchedule view)
    {
        view.ScheduledDeparture = e.NewDeparture;
        return view;
    }

    private FlightSchedule On(EscortTeamAssigned e, FlightSchedule view)
    {
        var team = view.For(e.State);
        team.Escorts = e.Escorts;
        team.Medics = e.Medics;
        team.Interpreters = e.Interpreters;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(MonitorAssigned e, FlightSchedule view)
    {
        view.MonitorOrganisation = e.Organisation;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(ReturneeManifested e, FlightSchedule view)
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
        return view;
    }

    private FlightSchedule On(ReserveConfirmed e, FlightSchedule view)
    {
        Line(view, e.CaseId).Status = ManifestLineStatus.Confirmed;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(ReturneeMovedToReserve e, FlightSchedule view)
    {
        Line(view, e.CaseId).Status = ManifestLineStatus.Reserve;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(ReturneeWithdrawn e, FlightSchedule view)
    {
        var line = Line(view, e.CaseId);
        line.Status = ManifestLineStatus.Withdrawn;
        line.WithdrawalReason = e.Reason;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(ManifestLocked e, FlightSchedule view)
    {
        view.Status = FlightStatus.ManifestLocked;
        view.ManifestLockedAt = e.LockedAt;
        Refresh(view);
        return view;
    }

    private FlightSchedule On(FlightDeparted e, FlightSchedule view)
    {
        view.Status = FlightStatus.Departed;
        view.ActualDeparture = e.ActualDeparture;
        foreach (var team in view.States)
        {
            team.ReturneesOnBoard = e.ReturneesOnBoard.FirstOrDefault(c => c.State == team.State)?.Returnees ?? 0;
        }

        Refresh(view);
        return view;
    }

    private FlightSchedule On(FlightCompleted e, FlightSchedule view)
    {
        view.Status = FlightStatus.Completed;
        foreach (var team in view.States)
        {
            var outcome = e.Outcomes.FirstOrDefault(o => o.State == team.State);
            team.HandedOver = outcome?.HandedOver ?? 0;
            team.RefusedAdmission = outcome?.RefusedAdmission.Count ?? 0;
        }

        Refresh(view);
        return view;
    }

    private FlightSchedule On(FlightCancelled e, FlightSchedule view)
    {
        view.Status = FlightStatus.Cancelled;
        view.CancellationReason = e.Reason;
        Refresh(view);
        return view;
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
