using CalaisReturns.Finance;
using CalaisReturns.Finance.Confirming;
using CalaisReturns.Finance.Costing;
using CalaisReturns.Finance.Funding;
using CalaisReturns.Finance.RateFixing;
using CalaisReturns.Finance.Settling;
using CalaisReturns.Finance.Splitting;

namespace CalaisReturns.Benchmarks.History;

public sealed partial class HistoryGenerator
{
    private static readonly (CostCategory Category, string Description, int Min, int Max, decimal From, decimal To)[] SharedCosts =
    [
        (CostCategory.GroundHandling, "Ground handling", 2, 5, 800, 6_000),
        (CostCategory.Accommodation, "Crew and team hotel", 2, 8, 90, 1_400),
        (CostCategory.Monitoring, "Monitor's travel and fees", 1, 2, 500, 3_000),
        (CostCategory.Other, "Catering, fuel surcharge, overflight charges", 2, 6, 200, 9_000),
    ];

    private static readonly string[] Claims = ["Overtime", "Subsistence", "Travel to the airport", "Return travel", "Hotel night", "Per diem", "Taxi"];

    private void ProposeSplit(FlightRun f)
    {
        var finance = f.Finance!;
        var lead = finance.LeadState;
        var roll = sim.Random.NextDouble();
        var basis = roll < 0.5 || finance.States.Count == 1 ? SplitBasis.FixedRatio
            : roll < 0.75 ? SplitBasis.PerSeatAllocated : SplitBasis.PerReturneeFlown;
        var share = finance.States.Count == 1 ? 100m : sim.Pick(new[] { 50m, 60m, 70m });
        IReadOnlyList<StatePercent>? ratios = basis != SplitBasis.FixedRatio ? null
            : finance.States.Count == 1 ? [new StatePercent(lead, 100)]
            : [new StatePercent(lead, share), new StatePercent(Other(lead), 100 - share)];
        var currency = sim.Chance(0.8) ? CurrencyOf(lead) : CurrencyOf(Other(lead));
        var proposal = sim.NewId();
        var command = new ProposeCostSplit(basis, currency, ratios);
        if (RecordFlight(f, ProposeCostSplitEndpoint.Decide(command, finance, lead, proposal, sim.Now), FinanceOfficer(lead), "ProposeCostSplit").Count > 0)
        {
            var agreeing = finance.States.Count > 1 ? Other(lead) : lead;
            sim.At(sim.Now + sim.Days(1, 10), () => RecordFlight(f,
                AgreeCostSplitEndpoint.Decide(new AgreeCostSplit(proposal), f.Finance!, agreeing, sim.Now), FinanceOfficer(agreeing), "AgreeCostSplit"));
        }
    }

    private void ScheduleCostsBeforeDeparture(FlightRun f, Money charterPrice, string contract)
    {
        var flight = f.Aggregate!;
        sim.At(sim.Now + sim.Days(1, 6), () => RecordCostLine(f, flight.LeadState, CostCategory.Charter, "Charter", charterPrice, contract));
        var invoicesUntil = flight.ScheduledDeparture + TimeSpan.FromDays(30) - sim.Now;
        foreach (var (category, description, min, max, from, to) in SharedCosts)
        {
            for (var i = sim.Between(min, max); i > 0; i--)
            {
                var payer = sim.Pick(flight.ParticipatingStates);
                sim.At(sim.Now + invoicesUntil * sim.Random.NextDouble(), () =>
                {
                    if (!f.Finance!.Cancelled)
                    {
                        RecordCostLine(f, payer, category, description, new Money(sim.Amount(from, to), CurrencyOf(payer)), Invoice(payer));
                    }
                });
            }
        }
    }

    /// <summary>
    /// Each state's team claims its expenses in a few invoices (2–18 in all, so a flight has 10–40 cost lines);
    /// the rate is fixed; then funding, settlement, confirmation.
    /// </summary>
    private void ScheduleCostsAfterDeparture(FlightRun f)
    {
        var teams = f.Teams.ToList();
        for (var claims = sim.Between(2, 18); claims > 0 && teams.Count > 0; claims--)
        {
            var (state, team) = sim.Pick(teams);
            var (category, members) = sim.Random.NextDouble() switch
            {
                < 0.7 => (CostCategory.Escorts, team.Escorts),
                < 0.85 => (CostCategory.Medical, team.Medics),
                _ => (CostCategory.Interpreters, team.Interpreters),
            };
            var description = $"{category} claims: {sim.Pick(Claims)}";
            var amount = new Money(sim.Amount(40, 320) * Math.Max(1, members), CurrencyOf(state));
            sim.At(sim.Now + sim.Days(0.5, 40), () => RecordCostLine(f, state, category, description, amount, Invoice(state)));
        }

        ScheduleSettlement(f, sim.Now);
    }

    private void ScheduleCostsAfterCancellation(FlightRun f)
    {
        var lead = f.Finance!.LeadState;
        sim.At(sim.Now + sim.Days(5, 30), () => RecordCostLine(f, lead, CostCategory.Cancellation, "Charter cancellation fee",
            new Money(sim.Amount(8_000, 40_000), CurrencyOf(lead)), Invoice(lead)));
        ScheduleSettlement(f, sim.Now);
    }

    private void ScheduleSettlement(FlightRun f, DateTimeOffset from)
    {
        sim.At(from + sim.Days(0, 10), () => FixRate(f, null));
        if (sim.Chance(0.06))
        {
            sim.At(from + sim.Days(12, 30), () => FixRate(f, "The ECB rate of the invoice date was agreed instead."));
        }

        if (f.Finance!.States.Count > 1 && sim.Chance(0.35))
        {
            var lead = f.Finance.LeadState;
            sim.At(from + sim.Days(20, 90), () => RecordFlight(f, Decision.Accept(RecordExternalFundingEndpoint.Decide(
                new RecordExternalFunding("Frontex", new Money(sim.Amount(10_000, 60_000), CurrencyOf(lead)), $"FRONTEX-{sim.Between(1000, 9999)}"),
                f.Finance!, lead, sim.NewId(), sim.Now)), FinanceOfficer(lead), "RecordExternalFunding"));
        }

        sim.At(from + sim.Days(60, 150), () => Settle(f));
        if (sim.Chance(0.05))
        {
            sim.At(from + sim.Days(160, 300), () =>
            {
                RecordCostLine(f, f.Finance!.LeadState, CostCategory.Other, "Late invoice from the ground handler",
                    new Money(sim.Amount(200, 4_000), CurrencyOf(f.Finance.LeadState)), Invoice(f.Finance.LeadState), "Invoice received after reconciliation");
                sim.At(sim.Now + sim.Days(20, 60), () => Settle(f));
            });
        }
    }

    private void RecordCostLine(FlightRun f, State paidBy, CostCategory category, string description, Money amount, string invoice,
        string? reason = null)
    {
        var lineId = sim.NewId();
        var command = new RecordCost(category, description, amount, invoice, Reason: reason);
        if (RecordFlight(f, RecordCostEndpoint.Decide(command, f.Finance!, paidBy, lineId, sim.Now), FinanceOfficer(paidBy), "RecordCost").Count == 0)
        {
            return;
        }

        if (sim.Chance(0.15))
        {
            sim.At(sim.Now + sim.Days(1, 20), () => RecordFlight(f, CorrectCostEndpoint.Decide(
                new CorrectCost(new Money(decimal.Round(amount.Amount * (0.85m + (decimal)sim.Random.NextDouble() * 0.3m), 2), amount.Currency),
                    "Invoice corrected by the supplier"), f.Finance!, lineId, sim.Now), FinanceOfficer(paidBy), "CorrectCost"));
        }
        else if (sim.Chance(0.03))
        {
            sim.At(sim.Now + sim.Days(1, 20), () => RecordFlight(f, WithdrawCostEndpoint.Decide(
                new WithdrawCost("Charged twice"), f.Finance!, lineId, sim.Now), FinanceOfficer(paidBy), "WithdrawCost"));
        }
    }

    private void FixRate(FlightRun f, string? reason)
    {
        var day = DateOnly.FromDateTime(f.Finance!.ScheduledDeparture.UtcDateTime);
        // A smooth made-up EUR/GBP path between about 1.10 and 1.40.
        var rate = decimal.Round(1.25m + 0.12m * (decimal)Math.Sin(day.DayNumber / 200.0) + sim.Amount(-0.01m, 0.01m), 6);
        var command = new FixExchangeRate(rate, day, $"ECB reference rate {day:yyyy-MM-dd}", reason);
        RecordFlight(f, FixExchangeRateEndpoint.Decide(command, f.Finance, sim.Now), FinanceOfficer(f.Finance.LeadState), "FixExchangeRate");
    }

    /// <summary>The debtor pays what is outstanding, sometimes in two instalments; then both states confirm.</summary>
    private void Settle(FlightRun f)
    {
        var figures = CostShare.Compute(f.Finance!);
        if (figures is { Status: CostShareStatus.Open, Totals: { } totals, SettlementCurrency: { } currency })
        {
            var outstanding = Math.Abs(totals.Outstanding);
            var amount = sim.Chance(0.25) ? MoneyMath.Round(outstanding / 2) : outstanding;
            var payer = (totals.Outstanding > 0 ? totals.Debtor : totals.Creditor) ?? f.Finance!.LeadState;
            var command = new RecordSettlement(new Money(amount, currency), $"SET-{sim.Between(100_000, 999_999)}", DateOnly.FromDateTime(sim.Now.UtcDateTime));
            RecordFlight(f, RecordSettlementEndpoint.Decide(command, f.Finance!, sim.NewId(), sim.Now), FinanceOfficer(payer), "RecordSettlement");
            if (amount < outstanding)
            {
                sim.At(sim.Now + sim.Days(20, 40), () => Settle(f));
                return;
            }
        }

        foreach (var state in f.Finance!.States)
        {
            sim.At(sim.Now + sim.Days(2, 25), () =>
            {
                if (!f.Finance!.ConfirmedBy.Contains(state))
                {
                    RecordFlight(f, ConfirmCostShareEndpoint.Decide(f.Finance, state, sim.Now), FinanceOfficer(state), "ConfirmCostShare");
                }
            });
        }
    }

    private string Invoice(State state) => $"{state}-INV-{sim.Between(100_000, 999_999)}";
}
