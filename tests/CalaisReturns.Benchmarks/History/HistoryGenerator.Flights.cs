using CalaisReturns.Finance;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Allocating;
using CalaisReturns.Flights.Booking;
using CalaisReturns.Flights.Cancelling;
using CalaisReturns.Flights.Completing;
using CalaisReturns.Flights.Departing;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Planning;
using CalaisReturns.Flights.Policies;
using CalaisReturns.Flights.Rescheduling;
using CalaisReturns.Flights.Staffing;

namespace CalaisReturns.Benchmarks.History;

public sealed partial class HistoryGenerator
{
    private static readonly (string Carrier, State State)[] Carriers =
    [
        ("Titan Airways", State.UK), ("Privilege Style", State.UK), ("TUI Airways", State.UK),
        ("ASL Airlines France", State.FR), ("Air Corsica", State.FR), ("Chalair", State.FR),
    ];

    private static readonly (string Type, int Seats)[] Aircraft = [("A320", 174), ("A321", 200), ("B737-800", 189), ("B757-200", 235), ("E190", 100)];

    private static readonly WithdrawalReason[] PlannerWithdrawals =
    [
        WithdrawalReason.Medical, WithdrawalReason.Absconded, WithdrawalReason.VoluntaryDeparture, WithdrawalReason.Administrative,
    ];

    private static readonly string[] RescheduleReasons =
        ["Aircraft availability", "Landing slot moved by the destination authorities", "Escort availability"];

    private IReadOnlyList<object> RecordFlight(FlightRun f, Decision decision, Stamp stamp, string command)
    {
        var events = sim.Record(f, decision, stamp, command);
        foreach (var e in events)
        {
            switch (e)
            {
                case ReturneeManifested m:
                    cases[m.CaseId].CurrentFlight = f.Id;
                    break;
                case ReturneeWithdrawn w when cases[w.CaseId].CurrentFlight == f.Id:
                    cases[w.CaseId].CurrentFlight = null;
                    break;
            }
        }

        return events;
    }

    private void PlanFlight(DateTime departureUtc)
    {
        var route = PickRoute();
        var lead = sim.Chance(0.55) ? State.UK : State.FR;
        State[] states = sim.Chance(0.7) ? [lead, Other(lead)] : [lead];
        var f = new FlightRun(sim.NewId());
        flights[f.Id] = f;
        // 20–80 returnees, skewed to the smaller flights (median about 35).
        var wanted = 20 + (int)(61 * Math.Pow(sim.Random.NextDouble(), 2));
        f.Wanted[lead] = states.Length == 1 ? wanted : (wanted + 1) / 2;
        if (states.Length > 1)
        {
            f.Wanted[states[1]] = wanted - f.Wanted[lead];
        }

        var year = sim.Now.Year;
        var number = referenceCounters[year] = referenceCounters.GetValueOrDefault(year) + 1;
        var plan = new PlanFlight(lead, states, route.Country, sim.Pick(Airports[lead]), route.Airport,
            new DateTimeOffset(departureUtc, TimeSpan.Zero));
        RecordFlight(f, Decision.Accept(PlanFlightEndpoint.Decide(plan, f.Id, FlightReferences.Format(year, number), sim.Now)),
            Planner(lead), "PlanFlight");
        sim.At(sim.Now + sim.Days(1, 10), () => BookCharter(f));
        sim.At(sim.Now + sim.Days(2, 12), () => ProposeSplit(f));
        if (sim.Chance(0.15))
        {
            sim.At(sim.Now + sim.Days(3, 20), () => Reschedule(f));
        }

        if (sim.Chance(0.08))
        {
            sim.At(sim.Now + (plan.ScheduledDeparture!.Value - sim.Now) * sim.Random.NextDouble(), () => Cancel(f));
        }

        ScheduleLock(f);
    }

    private void BookCharter(FlightRun f)
    {
        var flight = f.Aggregate!;
        var carrier = sim.Pick(Carriers.Where(c => c.State == flight.LeadState).ToList()).Carrier;
        var need = f.Wanted.Values.Sum(SeatsNeeded);
        var fitting = Aircraft.Where(a => a.Seats >= need).ToList();
        var (type, seats) = fitting.Count > 0 ? sim.Pick(fitting) : Aircraft.MaxBy(a => a.Seats);
        var price = new Money(sim.Amount(70_000, 240_000), CurrencyOf(flight.LeadState));
        var command = new BookCharter(carrier, type, seats, $"{flight.LeadState}-CH-{sim.Now.Year}-{sim.Between(100, 999)}", price);
        if (RecordFlight(f, BookCharterEndpoint.Decide(command, flight, sim.Now), Planner(flight.LeadState), "BookCharter").Count == 0)
        {
            return;
        }

        var departure = flight.ScheduledDeparture;
        foreach (var state in flight.ParticipatingStates)
        {
            var team = new AssignEscortTeam(state, EscortsFor(f.Wanted[state]) + sim.Between(1, 3), sim.Between(1, 2), sim.Between(1, 2));
            f.Crew[state] = team.Escorts + team.Medics + team.Interpreters;
            sim.At(sim.Now + sim.Days(0.2, 3), () => AssignTeam(f, team));
            for (var i = sim.Between(0, 2); i > 0; i--)
            {
                sim.At(sim.Now + (departure - sim.Now) * sim.Random.NextDouble(), () => ReassignTeam(f, state));
            }
        }

        sim.At(sim.Now + sim.Days(0.3, 3), () => AllocateSeats(f));
        if (sim.Chance(0.3))
        {
            sim.At(sim.Now + (departure - sim.Now) * sim.Random.NextDouble(), () => AllocateSeats(f));
        }

        if (sim.Chance(0.9))
        {
            sim.At(sim.Now + sim.Days(1, 14), () => RecordFlight(f, AssignMonitorEndpoint.Decide(
                new AssignMonitor(f.Aggregate!.LeadState == State.UK ? "Independent Monitoring Boards" : "Contrôleur général des lieux de privation de liberté"),
                f.Aggregate!, sim.Now), Planner(flight.LeadState), "AssignMonitor"));
        }

        var window = departure - TimeSpan.FromHours(36) - sim.Now - TimeSpan.FromDays(3);
        var wanted = f.Wanted.Values.Sum();
        for (var i = wanted + ReservesFor(wanted) + sim.Between(0, 3); i > 0; i--)
        {
            sim.At(sim.Now + TimeSpan.FromDays(3) + window * sim.Random.NextDouble(), () => Manifest(f));
        }

        for (var i = sim.Between(1, 2 + wanted / 15); i > 0; i--)
        {
            sim.At(sim.Now + TimeSpan.FromDays(8) + (window - TimeSpan.FromDays(5)) * sim.Random.NextDouble(), () => Withdraw(f));
        }

        for (var i = sim.Between(0, 3); i > 0; i--)
        {
            sim.At(sim.Now + TimeSpan.FromDays(10) + (window - TimeSpan.FromDays(7)) * sim.Random.NextDouble(), () => ConfirmReserve(f));
        }

        ScheduleCostsBeforeDeparture(f, price, command.ContractReference);
    }

    /// <summary>Five escorts for every four returnees, before the team's leaders.</summary>
    private static int EscortsFor(int returnees) => (returnees * 5 + 3) / 4;

    /// <summary>About a fifth of a manifest's entries are on reserve: 0.35 reserves for every confirmed returnee.</summary>
    private static int ReservesFor(int returnees) => (returnees * 7 + 19) / 20;

    /// <summary>Seats a state's part of the flight takes at most: returnees, its largest team and the spare seats allocated.</summary>
    private static int SeatsNeeded(int returnees) => returnees + EscortsFor(returnees) + 3 + 2 + 2 + 2 + 8;

    private void ReassignTeam(FlightRun f, State state)
    {
        if (f.Teams.GetValueOrDefault(state) is { } current)
        {
            AssignTeam(f, new AssignEscortTeam(state, Math.Max(1, current.Escorts + sim.Between(-2, 2)), current.Medics, current.Interpreters));
        }
    }

    private void AssignTeam(FlightRun f, AssignEscortTeam command)
    {
        var flight = f.Aggregate!;
        var fits = flight.AllocatedTo(command.State) == 0
            || command.Escorts + command.Medics + command.Interpreters + flight.ConfirmedOf(command.State) <= flight.AllocatedTo(command.State);
        if (flight.Status is FlightStatus.Booked && fits)
        {
            RecordFlight(f, AssignEscortTeamEndpoint.Decide(command, flight, sim.Now), Planner(command.State), "AssignEscortTeam");
        }
    }

    private void AllocateSeats(FlightRun f)
    {
        var flight = f.Aggregate!;
        if (flight.Status is not FlightStatus.Booked)
        {
            return;
        }

        var allocations = flight.ParticipatingStates
            .Select(s => new SeatAllocation(s, Math.Max(flight.AllocatedTo(s), Math.Max(flight.TeamOf(s), f.Crew[s]) + f.Wanted[s] + 4) + sim.Between(0, 4)))
            .ToList();
        RecordFlight(f, AllocateSeatsEndpoint.Decide(new AllocateSeats(allocations), flight, sim.Now), Planner(flight.LeadState), "AllocateSeats");
    }

    private void Reschedule(FlightRun f)
    {
        var flight = f.Aggregate!;
        var moved = flight.ScheduledDeparture + TimeSpan.FromDays(sim.Between(-7, 21));
        if (flight.Status is not (FlightStatus.Planned or FlightStatus.Booked) || moved < sim.Now + TimeSpan.FromDays(12))
        {
            return;
        }

        var command = new RescheduleFlight(moved, sim.Pick(RescheduleReasons));
        if (RecordFlight(f, RescheduleFlightEndpoint.Decide(command, flight, rules, sim.Now), Planner(flight.LeadState), "RescheduleFlight").Count > 0)
        {
            ScheduleLock(f);
        }
    }

    private void Cancel(FlightRun f)
    {
        var flight = f.Aggregate!;
        if (flight.Status is not (FlightStatus.Planned or FlightStatus.Booked))
        {
            return;
        }

        var command = new CancelFlight("Destination authorities withdrew landing permission.");
        if (RecordFlight(f, CancelFlightEndpoint.Decide(command, flight, sim.Now), Planner(flight.LeadState), "CancelFlight").Count > 0)
        {
            ScheduleCostsAfterCancellation(f);
        }
    }

    private static readonly Stamp LockJob = new("system:manifest-lock", "manifest-lock", "System", null);

    private void ScheduleLock(FlightRun f)
    {
        var schedule = ++f.Schedule;
        sim.At(f.Aggregate!.ScheduledDeparture - rules.LockLeadTime, () =>
        {
            var flight = f.Aggregate!;
            if (schedule != f.Schedule || flight.Status is not FlightStatus.Booked)
            {
                return;
            }

            var barred = flight.Manifest.Where(m => cases[m.CaseId].Aggregate!.IsBarred).Select(m => m.CaseId).ToHashSet();
            RecordFlight(f, LockManifestEndpoint.Decide(flight, barred, sim.Now), LockJob, "LockManifest");
            sim.At(flight.ScheduledDeparture + sim.Days(0, 0.1), () => Depart(f));
        });
    }

    private void Depart(FlightRun f)
    {
        var flight = f.Aggregate!;
        var onBoard = flight.ParticipatingStates.Select(s => new StateCount(s, flight.ConfirmedOf(s))).ToList();
        if (RecordFlight(f, RecordDepartureEndpoint.Decide(new RecordDeparture(sim.Now, onBoard), flight, sim.Now),
                Planner(flight.LeadState), "RecordDeparture").Count == 0)
        {
            return;
        }

        sim.At(sim.Now + sim.Days(0.15, 0.4), () => Complete(f));
        ScheduleCostsAfterDeparture(f);
    }

    private void Complete(FlightRun f)
    {
        var flight = f.Aggregate!;
        var outcomes = flight.ParticipatingStates.Select(s =>
        {
            var flown = flight.Manifest.Where(m => m.State == s && m.Confirmed).Select(m => m.CaseId).ToList();
            List<Guid> refused = flown.Count > 0 && sim.Chance(0.05) ? [sim.Pick(flown)] : [];
            return new HandoverOutcome(s, flown.Count - refused.Count, refused);
        }).ToList();
        var events = RecordFlight(f, RecordCompletionEndpoint.Decide(new RecordCompletion(outcomes), flight, sim.Now),
            Planner(flight.LeadState), "RecordCompletion");
        if (events is [FlightCompleted completed])
        {
            foreach (var id in ManifestPolicy.HandedOver(f.Aggregate!, completed))
            {
                var @case = cases[id];
                sim.At(sim.Now + sim.Days(0.001, 0.01), () =>
                    RecordCase(@case, ManifestPolicy.CloseAsRemoved(@case.Aggregate!, sim.Now), PolicyStamp, "CloseRemovedCase"));
            }
        }
    }
}
