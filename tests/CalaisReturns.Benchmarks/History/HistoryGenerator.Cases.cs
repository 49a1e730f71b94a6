using CalaisReturns.Cases;
using CalaisReturns.Cases.Barriers;
using CalaisReturns.Cases.Closing;
using CalaisReturns.Cases.Documenting;
using CalaisReturns.Cases.Erasing;
using CalaisReturns.Cases.Opening;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Policies;

namespace CalaisReturns.Benchmarks.History;

public sealed partial class HistoryGenerator
{
    private static readonly string[] GivenNames = ["Arben", "Besnik", "Dritan", "Ilir", "Nino", "Giorgi", "Ahmed", "Bilal", "Chinedu", "Kwame", "Linh", "Minh", "Omar", "Sami", "Ion", "Elena"];
    private static readonly string[] FamilyNames = ["Hoxha", "Krasniqi", "Beridze", "Khan", "Okafor", "Mensah", "Nguyen", "Haddad", "Popescu", "Diallo", "Camara", "Rahimi"];
    private static readonly Stamp RetentionJob = new("system:personal-data-retention", "personal-data-retention", "System", null);
    private readonly Dictionary<State, int> caseCounters = new() { [State.UK] = 0, [State.FR] = 0 };

    private IReadOnlyList<object> RecordCase(CaseRun c, Decision decision, Stamp stamp, string command)
    {
        var events = sim.Record(c, decision, stamp, command);
        foreach (var e in events)
        {
            if (e is CaseClosed closed)
            {
                // The daily retention job erases a case once it has been closed for 10 days.
                var due = closed.ClosedAt.UtcDateTime.Date.AddDays(11).AddHours(2);
                sim.At(new DateTimeOffset(due, TimeSpan.Zero), () => Erase(c));
            }

            // The manifest policy: a barrier raised on, or the closure of, a manifested case withdraws it.
            if (e is CaseClosed or BarrierRaised && c.CurrentFlight is { } flightId)
            {
                var flight = flights[flightId];
                sim.At(sim.Now + sim.Days(0.0005, 0.005), () => RecordFlight(flight,
                    ManifestPolicy.WithdrawIfIneligible(flight.Aggregate!, c.Aggregate!, sim.Now), PolicyStamp, "WithdrawIneligibleReturnee"));
            }
        }

        return events;
    }

    private void OpenCase()
    {
        var state = sim.Chance(0.55) ? State.UK : State.FR;
        var nationality = PickRoute().Country;
        var c = new CaseRun(sim.NewId(), state, nationality);
        cases[c.Id] = c;
        var n = ++caseCounters[state];
        var reference = state == State.UK ? $"HO-{sim.Now.Year}-{n:000000}" : $"AGDREF-{7_500_000_000L + n}";
        var born = new DateOnly(sim.Now.Year - sim.Between(18, 60), sim.Between(1, 12), sim.Between(1, 28));
        var open = new OpenCase(reference, $"{sim.Pick(GivenNames)} {sim.Pick(FamilyNames)}", nationality, born);
        RecordCase(c, Decision.Accept(OpenCaseEndpoint.Decide(open, c.Id, state, sim.Now)), Planner(state), "OpenCase");
        c.OpenedAt = sim.Events.Count - 1;
        if (!pool.TryGetValue((state, nationality), out var candidates))
        {
            pool[(state, nationality)] = candidates = [];
        }

        candidates.Add(c);
        if (sim.Chance(0.88))
        {
            sim.At(sim.Now + sim.Days(1, 40), () => RecordDocument(c));
        }

        if (sim.Chance(0.15))
        {
            sim.At(sim.Now + sim.Days(5, 300), () => RaiseBarrier(c));
        }

        if (sim.Chance(0.3))
        {
            sim.At(sim.Now + sim.Days(150, 900), () => CloseCase(c, sim.Pick(new[] { CaseClosure.Released, CaseClosure.Transferred, CaseClosure.VoluntaryDeparture })));
        }
    }

    private void RecordDocument(CaseRun c)
    {
        if (c.Aggregate!.Status == CaseStatus.Closed)
        {
            return;
        }

        var expiry = DateOnly.FromDateTime((sim.Now + sim.Days(120, 1500)).UtcDateTime);
        var kind = sim.Pick(Enum.GetValues<TravelDocumentKind>());
        if (RecordCase(c, RecordTravelDocumentEndpoint.Decide(new RecordTravelDocument(kind, expiry), c.Aggregate, sim.Now),
                Planner(c.State), "RecordTravelDocument").Count > 0 && sim.Chance(0.15))
        {
            sim.At(new DateTimeOffset(expiry.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - sim.Days(10, 60), () => RecordDocument(c));
        }
    }

    private void RaiseBarrier(CaseRun c)
    {
        if (c.Aggregate!.Status == CaseStatus.Closed)
        {
            return;
        }

        var kind = sim.Pick(Enum.GetValues<BarrierKind>());
        var barrierId = sim.NewId();
        var command = new RaiseBarrier(kind, $"{kind.ToString()[..3].ToUpperInvariant()}-{sim.Between(10_000, 99_999)}");
        if (RecordCase(c, RaiseBarrierEndpoint.Decide(command, c.Aggregate, barrierId, sim.Now), Planner(c.State), "RaiseBarrier").Count > 0
            && sim.Chance(0.55))
        {
            sim.At(sim.Now + sim.Days(15, 200), () =>
            {
                if (c.Aggregate!.Status == CaseStatus.Open)
                {
                    RecordCase(c, LiftBarrierEndpoint.Decide(new LiftBarrier("Claim refused, appeal rights exhausted"), c.Aggregate, barrierId, sim.Now),
                        Planner(c.State), "LiftBarrier");
                }
            });
        }
    }

    private void CloseCase(CaseRun c, CaseClosure reason)
    {
        if (c.Aggregate!.Status == CaseStatus.Open)
        {
            RecordCase(c, CloseCaseEndpoint.Decide(reason, c.Aggregate, sim.Now), Planner(c.State), "CloseCase");
        }
    }

    private static CaseClosure CaseClosureOf(WithdrawalReason reason) =>
        reason == WithdrawalReason.VoluntaryDeparture ? CaseClosure.VoluntaryDeparture : CaseClosure.Released;

    /// <summary>The erasure, and the masking of CaseOpened in place that follows it through the outbox.</summary>
    private void Erase(CaseRun c)
    {
        if (RecordCase(c, EraseCaseEndpoint.Decide(c.Aggregate!, sim.Now), RetentionJob, "EraseCase").Count == 0)
        {
            return;
        }

        var opened = sim.Events[c.OpenedAt];
        sim.Events[c.OpenedAt] = opened with
        {
            Data = ((CaseOpened)opened.Data) with { FullName = null, DateOfBirth = null },
            ErasedAt = sim.Now,
        };
    }
}
