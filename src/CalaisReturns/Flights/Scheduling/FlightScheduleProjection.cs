using System.Collections.Immutable;
using CalaisReturns.Core.Http;
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

    public override FlightSchedule? Evolve(FlightSchedule? view, Guid id, IEvent e) =>
        !FlightsModule.Bears(e.EventType) || (view is null && e.Data is not FlightPlanned)
            ? view
            : Counted(Fold(view, e.Data)) with { Version = (int)e.Version };

    /// <summary>Folds one operational event's data into the flight's schedule entry (before counting).</summary>
    private static FlightSchedule Fold(FlightSchedule? view, object @event) => (view, @event) switch
    {
        (null, FlightPlanned e) => new FlightSchedule
        {
            Id = e.FlightId,
            Reference = e.Reference,
            Status = FlightStatus.Planned,
            LeadState = e.LeadState,
            ParticipatingStates = [.. e.ParticipatingStates],
            ScheduledDeparture = e.ScheduledDeparture,
            States = [.. e.ParticipatingStates.Select(s => new StateTeam { State = s })],
        }.Routed(FlightRoute.Of(e)),
        (null, _) => throw new InvalidOperationException($"A flight stream must start with {nameof(FlightPlanned)}."),
        (_, CharterBooked e) => view with
        {
            Status = FlightStatus.Booked, Carrier = e.Carrier, AircraftType = e.AircraftType,
            ContractReference = e.ContractReference, SeatCapacity = e.SeatCapacity,
        },
        (_, SeatsAllocated e) => view with
        {
            States = [.. view.States.Select(t => e.Allocations.FirstOrDefault(a => a.State == t.State) is { } allocation
                ? t with { SeatsAllocated = allocation.Seats }
                : t)],
        },
        (_, FlightRescheduled e) => view.Routed(view.Stops.Select(s => s.Planned with
        {
            Scheduled = s.Scheduled + (e.NewDeparture - view.ScheduledDeparture),
        })) with { ScheduledDeparture = e.NewDeparture },
        (_, StopAdded or StopRetimed or StopRemoved or StopsReordered) =>
            view.Routed(FlightRoute.Changed([.. view.Stops.Select(s => s.Planned)], @event)),
        (_, StopArrived e) => WithStop(view, e.StopId, s => s with { ActualArrival = e.ActualArrival }),
        (_, StopDeparted e) => WithStop(view, e.StopId, s => s with { ActualDeparture = e.ActualDeparture }),
        (_, HandoverRecorded e) => WithStop(view, e.StopId, s => s with
        {
            HandedOver = e.Outcomes.Sum(o => o.HandedOver),
            RefusedAdmission = e.Outcomes.Sum(o => o.RefusedAdmission.Count),
        }),
        (_, EscortTeamAssigned e) => view with
        {
            States = [.. view.States.Select(t => t.State == e.State
                ? t with { Escorts = e.Escorts, Medics = e.Medics, Interpreters = e.Interpreters }
                : t)],
        },
        (_, MonitorAssigned e) => view with { MonitorOrganisation = e.Organisation },
        (_, OfficerAssigned or OfficerReleased) => Staffed(view, TeamOfficer.Changed(view.Officers, @event)),
        (_, ReturneeManifested e) => view with
        {
            Manifest = view.Manifest.Add(new ManifestLine
            {
                CaseId = e.CaseId,
                State = e.State,
                CaseReference = e.CaseReference,
                Status = e.Status == ManifestStatus.Confirmed ? ManifestLineStatus.Confirmed : ManifestLineStatus.Reserve,
                ManifestedAt = e.ManifestedAt,
                // Entries stored before stops board at the first stop boarding their state, and leave at the one drop-off.
                BoardingStopId = e.BoardingStopId ?? view.Stops.First(s => s.Planned.Boards(e.State, view.LeadState)).StopId,
                DropOffStopId = e.DropOffStopId ?? view.Stops.First(s => s.Planned.IsDropOff()).StopId,
            }),
        },
        (_, ReserveConfirmed e) => WithLine(view, e.CaseId, line => line with { Status = ManifestLineStatus.Confirmed }),
        (_, ReturneeMovedToReserve e) => WithLine(view, e.CaseId, line => line with { Status = ManifestLineStatus.Reserve }),
        (_, ReturneeWithdrawn e) => WithLine(view, e.CaseId,
            line => line with { Status = ManifestLineStatus.Withdrawn, WithdrawalReason = e.Reason }),
        (_, ManifestLocked e) => view with { Status = FlightStatus.ManifestLocked, ManifestLockedAt = e.LockedAt },
        (_, FlightDeparted e) => WithStop(view, view.Stops[0].StopId, s => s with { ActualDeparture = e.ActualDeparture }) with
        {
            Status = FlightStatus.Departed,
            ActualDeparture = e.ActualDeparture,
            States = [.. view.States.Select(t => t with
            {
                ReturneesOnBoard = e.ReturneesOnBoard.FirstOrDefault(c => c.State == t.State)?.Returnees ?? 0,
            })],
        },
        // A flight completed in one record (one drop-off) has that drop-off's figures in it.
        (_, FlightCompleted e) => (view.Stops.Count(s => s.Planned.IsDropOff()) == 1 && view.Stops.Last(s => s.Planned.IsDropOff()).HandedOver is null
            ? WithStop(view, view.Stops.Last(s => s.Planned.IsDropOff()).StopId, s => s with
            {
                HandedOver = e.Outcomes.Sum(o => o.HandedOver),
                RefusedAdmission = e.Outcomes.Sum(o => o.RefusedAdmission.Count),
            })
            : view) with
        {
            Status = FlightStatus.Completed,
            States = [.. view.States.Select(t => e.Outcomes.FirstOrDefault(o => o.State == t.State) is { } outcome
                ? t with { HandedOver = outcome.HandedOver, RefusedAdmission = outcome.RefusedAdmission.Count }
                : t with { HandedOver = 0, RefusedAdmission = 0 })],
        },
        (_, FlightCancelled e) => view with { Status = FlightStatus.Cancelled, CancellationReason = e.Reason },
        _ => view,
    };

    private static FlightSchedule WithStop(FlightSchedule view, Guid stopId, Func<ScheduleStop, ScheduleStop> change) =>
        view with { Stops = [.. view.Stops.Select(s => s.StopId == stopId ? change(s) : s)] };

    /// <summary>The last manifest line of the case changed (a case withdrawn and manifested again has two).</summary>
    private static FlightSchedule WithLine(FlightSchedule view, Guid caseId, Func<ManifestLine, ManifestLine> change)
    {
        var index = view.Manifest.FindLastIndex(m => m.CaseId == caseId);
        return view with { Manifest = view.Manifest.SetItem(index, change(view.Manifest[index])) };
    }

    /// <summary>A state with named officers: its escorts, medics and interpreters are counted from them.</summary>
    private static FlightSchedule Staffed(FlightSchedule view, ImmutableList<TeamOfficer> officers)
    {
        int Count(State state, OfficerDuty duty) => officers.Count(o => o.State == state && !o.Released && o.Duty == duty);
        return view with
        {
            Officers = officers,
            States = [.. view.States.Select(t => officers.Any(o => o.State == t.State)
                ? t with
                {
                    Escorts = Count(t.State, OfficerDuty.Escort), Medics = Count(t.State, OfficerDuty.Medic),
                    Interpreters = Count(t.State, OfficerDuty.Interpreter),
                }
                : t)],
        };
    }

    /// <summary>Recounts the manifest per state; warnings matter only while the flight can still change.</summary>
    private FlightSchedule Counted(FlightSchedule view)
    {
        var counted = view with
        {
            States = [.. view.States.Select(t => t with
            {
                Confirmed = view.Manifest.Count(m => m.State == t.State && m.Status == ManifestLineStatus.Confirmed),
                Reserves = view.Manifest.Count(m => m.State == t.State && m.Status == ManifestLineStatus.Reserve),
                Withdrawn = view.Manifest.Count(m => m.State == t.State && m.Status == ManifestLineStatus.Withdrawn),
            })],
        };
        return counted with
        {
            Legs = [.. FlightRoute.Legs([.. counted.Stops.Select(s => s.Planned)], counted.LeadState,
                counted.Manifest.Where(m => m.Status == ManifestLineStatus.Confirmed).Select(m => (m.BoardingStopId, m.DropOffStopId)),
                counted.States.Select(t => KeyValuePair.Create(t.State, t.Escorts + t.Medics + t.Interpreters)))],
            Warnings = [.. ScheduleWarnings.Current(counted, rules.EscortsPerReturnee).Select(w => w.In(Languages.English))],
        };
    }
}
