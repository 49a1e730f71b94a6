using CalaisReturns.Cases;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;

namespace CalaisReturns.Benchmarks.History;

/// <summary>Manifest changes: cases put on flights (confirmed or reserve), withdrawn and promoted.</summary>
public sealed partial class HistoryGenerator
{
    private void Manifest(FlightRun f)
    {
        var flight = f.Aggregate!;
        if (flight.Status is not FlightStatus.Booked || flight.SeatsAllocated.IsEmpty)
        {
            return;
        }

        var state = sim.Pick(flight.ParticipatingStates);
        if (FindEligible(state, f) is not { } candidate)
        {
            ManifestMisses++;
            return;
        }

        var confirmed = sim.Now <= rules.NoticeDeadline(flight.ScheduledDeparture) && flight.FreeSeatsOf(state) >= 1
            && flight.ConfirmedOf(state) < f.Wanted[state];
        if (!confirmed && flight.Manifest.Count(m => m.State == state && !m.Confirmed) >= Math.Max(3, ReservesFor(f.Wanted[state])))
        {
            return;
        }

        var command = new ManifestReturnee(candidate.Id, confirmed ? ManifestStatus.Confirmed : ManifestStatus.Reserve);
        RecordFlight(f, ManifestReturneeEndpoint.Decide(command, flight, candidate.Aggregate!, ActiveElsewhere(candidate, f.Id), rules, sim.Now),
            Planner(state), "ManifestReturnee");
    }

    private void Withdraw(FlightRun f)
    {
        var flight = f.Aggregate!;
        if (flight.Status is not (FlightStatus.Booked or FlightStatus.ManifestLocked) || flight.Manifest.IsEmpty)
        {
            return;
        }

        var entry = sim.Pick(flight.Manifest);
        var reason = sim.Pick(PlannerWithdrawals);
        var withdrawn = RecordFlight(f, WithdrawReturneeEndpoint.Decide(new WithdrawReturnee(entry.CaseId, reason), flight, sim.Now),
            Planner(entry.State), "WithdrawReturnee");
        if (withdrawn.Count > 0 && reason == WithdrawalReason.VoluntaryDeparture)
        {
            var @case = cases[entry.CaseId];
            sim.At(sim.Now + sim.Days(1, 10), () => CloseCase(@case, CaseClosureOf(reason)));
        }
    }

    private void ConfirmReserve(FlightRun f)
    {
        var flight = f.Aggregate!;
        var reserve = flight.Manifest.FirstOrDefault(m => !m.Confirmed);
        if (flight.Status is FlightStatus.Booked && reserve is not null && flight.FreeSeatsOf(reserve.State) >= 1)
        {
            RecordFlight(f, ConfirmReserveEndpoint.Decide(new ConfirmReserve(reserve.CaseId), flight, sim.Now), Planner(reserve.State),
                "ConfirmReserve");
        }
    }

    /// <summary>An open, unbarred case of the state and the flight's country, with a valid document, on no other active flight.</summary>
    private CaseRun? FindEligible(State state, FlightRun f)
    {
        var flight = f.Aggregate!;
        if (!pool.TryGetValue((state, flight.CountriesOfReturn[0]), out var candidates) || candidates.Count == 0)
        {
            return null;
        }

        candidates.RemoveAll(c => c.Aggregate!.Status == CaseStatus.Closed);
        var departure = DateOnly.FromDateTime(flight.ScheduledDeparture.UtcDateTime);
        var first = sim.Random.Next(Math.Max(1, candidates.Count));
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[(first + i) % candidates.Count];
            if (!c.Aggregate!.IsBarred && c.Aggregate.TravelDocumentExpiry >= departure && !ActiveElsewhere(c, f.Id)
                && flight.EntryOf(c.Id) is null)
            {
                return c;
            }
        }

        return null;
    }

    private bool ActiveElsewhere(CaseRun @case, Guid flightId) =>
        @case.CurrentFlight is { } other && other != flightId
        && flights[other].Aggregate!.Status is FlightStatus.Planned or FlightStatus.Booked or FlightStatus.ManifestLocked;
}
