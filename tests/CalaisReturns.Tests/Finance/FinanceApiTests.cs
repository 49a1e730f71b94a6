using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Sharing;

namespace CalaisReturns.Tests.Finance;

public class FinanceApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    private Task<FlightCostShare> CostShareOf(Guid flight) => App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", UkFinance);

    private async Task<Guid> AgreedFlight(string currency = "GBP")
    {
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/cost-split", new
        {
            basis = "FixedRatio",
            settlementCurrency = currency,
            ratios = new[] { new { state = "UK", percent = 50 }, new { state = "FR", percent = 50 } },
        }, actor: FrFinance);
        var proposal = (await CostShareOf(flight)).Facts.Proposal!.ProposalId;
        await App.Post($"/api/flights/{flight}/cost-split/agreement", new { proposalId = proposal }, 409, FrFinance);
        await App.Post($"/api/flights/{flight}/cost-split/agreement", new { proposalId = proposal }, actor: UkFinance);
        return flight;
    }

    private Task Cost(Guid flight, Actor payer, string category, decimal amount, string currency, object? extra = null) =>
        App.Post($"/api/flights/{flight}/costs", new
        {
            category,
            description = category + " cost",
            amount = new { amount, currency },
            invoiceReference = "INV-" + Guid.NewGuid().ToString("N")[..6],
        }, actor: payer);

    [Fact]
    public async Task The_2014_worked_example_over_the_API_from_split_to_reconciliation()
    {
        var flight = await AgreedFlight();
        await App.Post($"/api/flights/{flight}/exchange-rate",
            new { eurPerGbp = 1.285714m, rateDate = "2014-08-29", source = "ECB reference rate 2014-08-29" }, actor: UkFinance);
        await Cost(flight, UkFinance, "Charter", 174_468.00m, "GBP");
        await Cost(flight, FrFinance, "Accommodation", 12_300.00m, "EUR");
        await Cost(flight, UkFinance, "Escorts", 21_000.00m, "GBP");

        var open = await CostShareOf(flight);
        Assert.Equal((CostShareStatus.Open, 184_034.67m, 21_000.00m), (open.Figures.Status, open.Figures.Totals!.SharedTotal,
            open.Figures.Totals.NationalCosts));
        Assert.Equal((State.FR, State.UK, 82_450.66m), (open.Figures.Totals.Debtor, open.Figures.Totals.Creditor,
            open.Figures.Totals.Outstanding));

        var tooMuch = (await App.Post($"/api/flights/{flight}/settlements",
            new { amount = new { amount = 82_450.67m, currency = "GBP" }, reference = "X", paidOn = "2026-06-30" }, 409, FrFinance)).Problem();
        Assert.Contains("cannot exceed what is outstanding", tooMuch["detail"]!.GetValue<string>());
        await App.Post($"/api/flights/{flight}/settlements",
            new { amount = new { amount = 82_450.66m, currency = "GBP" }, reference = "TREASURY-2014-117", paidOn = "2026-06-30" },
            actor: FrFinance);
        Assert.Equal(CostShareStatus.Settled, (await CostShareOf(flight)).Figures.Status);

        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, 409, UkFinance);
        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, actor: FrFinance);
        Assert.Equal(CostShareStatus.Reconciled, (await CostShareOf(flight)).Figures.Status);

        var reopen = (await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "GroundHandling", description = "Late invoice", amount = new { amount = 100m, currency = "GBP" },
            invoiceReference = "INV-LATE",
        }, 409, UkFinance)).Problem();
        Assert.Contains("reconciled; a new cost needs a reason", reopen["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Costs_are_corrected_and_withdrawn_only_by_the_state_that_paid_and_never_edited_in_place()
    {
        var flight = await AgreedFlight();
        var line = Guid.CreateVersion7();
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "Charter", amount = new { amount = 1000m, currency = "GBP" },
            invoiceReference = "INV-1", lineId = line,
        }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "Charter", amount = new { amount = 1000m, currency = "GBP" },
            invoiceReference = "INV-1", lineId = line,
        }, 409, UkFinance);

        await App.Post($"/api/flights/{flight}/costs/{line}/correction",
            new { newAmount = new { amount = 900m, currency = "GBP" }, reason = "Credit note" }, 403, FrFinance);
        await App.Post($"/api/flights/{flight}/costs/{line}/correction",
            new { newAmount = new { amount = 900m, currency = "GBP" }, reason = "Credit note" }, actor: UkFinance);
        Assert.Equal(900m, (await CostShareOf(flight)).Facts.LineOf(line)!.Amount.Amount);

        await App.Post($"/api/flights/{flight}/costs/{line}/withdrawal", new { reason = "Duplicate" }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/costs/{line}/withdrawal", new { reason = "Again" }, 409, UkFinance);
        await App.Post($"/api/flights/{flight}/costs/{line}/correction",
            new { newAmount = new { amount = 1m, currency = "GBP" }, reason = "x" }, 409, UkFinance);
        var history = await App.HistoryEvents($"/api/flights/{flight}/history?type=cost_recorded,cost_corrected,cost_withdrawn",
            Actors.Of(Role.Auditor, State.UK));
        Assert.Equal(["cost_recorded", "cost_corrected", "cost_withdrawn"], history.Select(e => e!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_rate_is_fixed_once_and_a_new_rate_needs_a_reason()
    {
        var flight = await AgreedFlight("EUR");
        var rate = new { eurPerGbp = 1.1654m, rateDate = "2026-06-30", source = "ECB reference rate 2026-06-30" };
        await App.Post($"/api/flights/{flight}/exchange-rate", rate, actor: FrFinance);
        await App.Post($"/api/flights/{flight}/exchange-rate", rate, 409, UkFinance);
        await App.Post($"/api/flights/{flight}/exchange-rate",
            new { eurPerGbp = 1.1655m, rateDate = "2026-06-30", source = "ECB", reason = "Transcription error" }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/exchange-rate", new { eurPerGbp = 1.2m, rateDate = "2026-06-30", source = "ECB" },
            400, UkFinance);
        Assert.Equal(1.1655m, (await CostShareOf(flight)).Figures.Rate!.EurPerGbp);
    }

    [Fact]
    public async Task Planners_see_no_money_and_auditors_read_it()
    {
        var flight = await AgreedFlight();
        await App.Get($"/api/flights/{flight}/cost-share", 403, Actors.UkPlanner);
        await App.Get($"/api/flights/{flight}/cost-share", actor: Actors.Of(Role.Auditor, State.FR));
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "x", amount = new { amount = 1m, currency = "GBP" }, invoiceReference = "I",
        }, 403, Actors.UkPlanner);
    }

    [Theory]
    [InlineData("""{"category":"Charter","description":"x","amount":{"amount":0,"currency":"GBP"},"invoiceReference":"I"}""", "Amount.Amount")]
    [InlineData("""{"category":"Charter","description":"x","amount":{"amount":1.001,"currency":"GBP"},"invoiceReference":"I"}""", "Amount.Amount")]
    [InlineData("""{"category":"Charter","description":"","amount":{"amount":1,"currency":"GBP"},"invoiceReference":""}""", "Description")]
    public async Task Invalid_amounts_and_missing_fields_get_400(string body, string field)
    {
        var flight = await App.ReadyFlight();
        var problem = (await App.Post($"/api/flights/{flight}/costs", body, 400, UkFinance)).Problem();
        Assert.Contains(field, problem["errors"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("""{"basis":"FixedRatio","settlementCurrency":"GBP"}""", "Ratios")]
    [InlineData("""{"basis":"FixedRatio","settlementCurrency":"GBP","ratios":[{"state":"UK","percent":60}]}""", "Ratios")]
    [InlineData("""{"basis":"PerSeatAllocated","settlementCurrency":"GBP","ratios":[{"state":"UK","percent":100}]}""", "Ratios")]
    public async Task A_split_whose_percentages_are_missing_or_do_not_fit_its_basis_gets_400(string body, string field)
    {
        var flight = await App.ReadyFlight();
        var problem = (await App.Post($"/api/flights/{flight}/cost-split", body, 400, UkFinance)).Problem();
        Assert.Equal([field], problem["errors"]!.AsObject().Select(p => p.Key));
    }
}
