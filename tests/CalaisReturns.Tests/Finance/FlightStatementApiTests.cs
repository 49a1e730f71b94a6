using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Tests.Web;
using CalaisReturns.Web;

namespace CalaisReturns.Tests.Finance;

/// <summary>
/// The statement on paper against the system: a flight driven through costs, split, rate, funding, settlement and both
/// confirmations over the API, its PDF read back with pdftotext, every figure compared with the API's cost share, who
/// confirmed with the history, the seal with the audit export and the checkpoint with the audit API.
/// </summary>
public partial class FlightStatementApiTests(AppFixture app) : IntegrationTest(app)
{
    // Names of people (not words of ours), so that the French statement holds no English but what was typed.
    private static readonly Actor UkFinance = new("hjones", "Harriet Jones", Role.Finance, State.UK);
    private static readonly Actor FrFinance = new("cdurand", "Camille Durand", Role.Finance, State.FR);
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.FR);

    private Task<FlightCostShare> CostShareOf(Guid flight) => App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", UkFinance);

    private async Task<string> Statement(Guid flight, Actor reader, string language, int status = 200)
    {
        var result = await App.Get($"/api/flights/{flight}/statement.pdf", status, reader, language);
        Assert.Equal("application/pdf", result.Context.Response.ContentType);
        using var pdf = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(pdf);
        return await PdfText.Of(pdf.ToArray());
    }

    private Task Cost(Guid flight, Actor payer, string category, string description, decimal amount, string currency,
        string invoice, Guid? line = null) =>
        App.Post($"/api/flights/{flight}/costs", new
        {
            category, description, amount = new { amount, currency }, invoiceReference = invoice, lineId = line,
        }, actor: payer);

    /// <summary>
    /// A UK-led UK/FR flight, 55.5/44.5 in pounds at the 2014 rate; costs in both currencies, one corrected and one
    /// withdrawn; Frontex funding to the UK; the balance settled by the debtor and confirmed by both states, a few
    /// minutes apart.
    /// </summary>
    private async Task<Guid> ReconciledFlight()
    {
        var flight = await App.ReadyFlight();
        await App.Post($"/api/flights/{flight}/cost-split", new
        {
            basis = "FixedRatio", settlementCurrency = "GBP",
            ratios = new[] { new { state = "UK", percent = 55.5m }, new { state = "FR", percent = 44.5m } },
        }, actor: FrFinance);
        var proposal = (await CostShareOf(flight)).Facts.Proposal!.ProposalId;
        await App.Post($"/api/flights/{flight}/cost-split/agreement", new { proposalId = proposal }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/exchange-rate",
            new { eurPerGbp = 1.285714m, rateDate = "2026-06-30", source = "ECB reference rate 2026-06-30" }, actor: UkFinance);
        var (handling, extra) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Cost(flight, UkFinance, "Charter", "Charter", 174_468.00m, "GBP", "TA-2026-42");
        await Cost(flight, FrFinance, "Accommodation", "Hotel", 12_300.50m, "EUR", "HOTEL-17");
        await Cost(flight, UkFinance, "Escorts", "Escorts", 21_000.00m, "GBP", "ESC-9");
        await Cost(flight, UkFinance, "GroundHandling", "Assistance", 1_000.00m, "GBP", "GH-3", handling);
        await Cost(flight, FrFinance, "Other", "Divers", 99.99m, "EUR", "X-1", extra);
        await App.Post($"/api/flights/{flight}/costs/{handling}/correction",
            new { newAmount = new { amount = 950.25m, currency = "GBP" }, reason = "Avoir TA-9" }, actor: UkFinance);
        await App.Post($"/api/flights/{flight}/costs/{extra}/withdrawal", new { reason = "Doublon" }, actor: FrFinance);
        await App.Post($"/api/flights/{flight}/external-funding",
            new { funder = "Frontex", amount = new { amount = 10_000m, currency = "GBP" }, reference = "FX-2026-7" }, actor: UkFinance);

        var totals = (await CostShareOf(flight)).Figures.Totals!;
        await App.Post($"/api/flights/{flight}/settlements", new
        {
            amount = new { amount = totals.Outstanding, currency = "GBP" }, reference = "TRESOR-2026-117", paidOn = "2026-06-30",
        }, actor: totals.Debtor == State.UK ? UkFinance : FrFinance);
        App.Clock.Now = AppFixture.Start.AddMinutes(7);
        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, actor: UkFinance);
        App.Clock.Now = AppFixture.Start.AddMinutes(19);
        await App.Post($"/api/flights/{flight}/cost-share/confirmation", new { }, actor: FrFinance);
        return flight;
    }

    /// <summary>The cells of the first row after <paramref name="heading"/> whose first cell is <paramref name="first"/>.</summary>
    private static string[] Row(string text, string heading, string first) =>
        PdfText.After(text, heading).Select(Cells).First(cells => cells[0] == first);

    /// <summary>A laid-out line's cells: pdftotext keeps columns at least two spaces apart, words in a cell one.</summary>
    private static string[] Cells(string line) => Spaces().Split(line.Trim());

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    /// <summary>
    /// How the API's figures read on paper: as the pages write them (<see cref="Show.Money(decimal, Currency?)"/>), but with the
    /// narrow no-break spaces of French sums as plain ones, which is how pdftotext reads every Unicode space.
    /// </summary>
    private static string Paper(string shown) => shown.Replace('\u202F', ' ');

    [Theory]
    [InlineData("en-GB", "Europe/London", "Shares and balance (GBP)", "Signed checkpoint")]
    [InlineData("fr-FR", "Europe/Paris", "Parts et solde (GBP)", "Point de contrôle signé")]
    public async Task The_statement_states_to_the_penny_the_figures_the_API_holds_who_confirmed_and_the_checkpointed_seal(
        string language, string zone, string sharesHeading, string checkpointLabel)
    {
        var flight = await ReconciledFlight();
        var reader = language == "fr-FR" ? FrFinance : UkFinance;
        var share = await CostShareOf(flight);
        var figures = share.Figures;
        var totals = figures.Totals!;
        Assert.Equal(CostShareStatus.Reconciled, figures.Status);
        var confirmations = await App.HistoryEvents($"/api/flights/{flight}/history?type=cost_share_confirmed", Auditor);
        await App.ProjectionsCaughtUp();
        var export = (await App.Get($"/api/audit/flights/{flight}/export", actor: Auditor)).ReadAsText()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var (version, seal) = (export.Count, export[^1]["hash"]!.GetValue<string>());

        var uncovered = await Statement(flight, reader, language);
        Assert.Contains(language == "fr-FR" ? $"ne couvre encore la version {version}." : $"No signed checkpoint covers version {version} yet.",
            uncovered);

        var checkpoint = JsonSerializer.Deserialize<CheckpointPayload>(
            (await App.GetJson<SignedCheckpoint>("/api/audit/checkpoint", Auditor)).Payload, JsonSerializerOptions.Web)!;
        var head = checkpoint.Heads.Single(h => h.Stream == flight);
        Assert.Equal((version, seal), ((int)head.Version, head.Hash));
        var text = await Statement(flight, reader, language);

        using var readerZone = Reader.As(Languages.Parse(language)!, TimeZoneInfo.FindSystemTimeZoneById(zone));
        string Money(decimal amount) => Paper(Show.Money(amount, Currency.GBP));
        foreach (var state in totals.States)
        {
            Assert.Equal([state.State.ToString(), state.Weight.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture),
                    Money(state.Share), Money(state.SharedPaid), Money(state.FundingReceived), Money(state.Paid), Money(state.Balance),
                    Money(state.National)],
                Row(text, sharesHeading, state.State.ToString()));
        }

        foreach (var (label, amount) in new[]
        {
            (Texts.Get("Statement.SharedCosts"), totals.SharedCosts), (Texts.Get("Statement.ExternalFunding"), totals.ExternalFunding),
            (Texts.Get("Finance.SharedTotal"), totals.SharedTotal), (Texts.Get("Share.NationalCosts"), totals.NationalCosts),
        })
        {
            Assert.Equal([label, Money(amount)], Row(text, sharesHeading, label));
        }

        Assert.Contains(Paper(Texts.Format("Share.Owing", totals.Debtor, totals.Creditor, Money(totals.Balance), Money(totals.Settled),
            Money(totals.Outstanding))), text);
        foreach (var line in share.Facts.Lines)
        {
            var row = PdfText.After(text, Texts.Get("Share.Lines")).Select(Cells).First(cells => cells.Contains(line.InvoiceReference));
            Assert.Equal((Show.Enum(line.Category), Paper(Show.Money(line.Amount))), (row[0], row[^1]));
        }

        Assert.Contains("Avoir TA-9", text);
        Assert.Contains("Doublon", text);
        var settlement = share.Facts.Settlements.Single();
        Assert.Equal([settlement.Payer.ToString(), settlement.Payee.ToString(), "TRESOR-2026-117", Show.Day(settlement.PaidOn),
            Money(settlement.Amount.Amount)], Row(text, Texts.Get("Statement.Settlements"), settlement.Payer.ToString()));
        Assert.Contains(Paper(Texts.Format("Share.RateFacts", 1.285714m, new DateOnly(2026, 6, 30), "ECB reference rate 2026-06-30")), text);
        Assert.Contains(Show.Enum(CostShareStatus.Reconciled), text);

        foreach (var confirmed in confirmations)
        {
            var state = confirmed!["data"]!["state"]!.GetValue<string>();
            Assert.Equal([state, $"{confirmed["userName"]!.GetValue<string>()} ({confirmed["userId"]!.GetValue<string>()})",
                    Show.Instant(confirmed["data"]!["confirmedAt"]!.GetValue<DateTimeOffset>())],
                Row(text, Texts.Get("Statement.Confirmations"), state));
        }

        Assert.Equal([Texts.Get("Statement.StreamHead"), Texts.Format("Statement.Version", version)],
            Row(text, Texts.Get("Statement.SealHeading"), Texts.Get("Statement.StreamHead")));
        Assert.Equal([Texts.Get("Statement.Seal"), seal], Row(text, Texts.Get("Statement.SealHeading"), Texts.Get("Statement.Seal")));
        Assert.Contains(Texts.Format("Statement.SealsIntact", version), text);
        Assert.Equal(checkpointLabel, Row(text, Texts.Get("Statement.SealHeading"), checkpointLabel)[0]);
        Assert.Contains($"({checkpoint.TakenAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'})", text);
        Assert.Contains(Texts.Format("Statement.Version", version), text);
        if (language == "fr-FR")
        {
            Untranslated.AssertNone("statement.pdf", text);
        }
    }

    [Fact]
    public async Task A_change_after_the_checkpoint_leaves_the_new_head_uncovered_until_the_next()
    {
        var flight = await ReconciledFlight();
        await App.ProjectionsCaughtUp();
        await App.Get("/api/audit/checkpoint", actor: Auditor);
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        var version = (await App.Get($"/api/audit/flights/{flight}/export", actor: Auditor)).ReadAsText()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        Assert.Contains($"No signed checkpoint covers version {version} yet.", await Statement(flight, UkFinance, "en-GB"));
        await App.Get("/api/audit/checkpoint", actor: Auditor);
        Assert.Contains($"it records version {version} with this seal.",
            string.Join(" ", (await Statement(flight, Auditor, "en-GB")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Finance_of_the_flights_states_auditors_and_admins_read_it_a_planner_and_other_finance_do_not()
    {
        var flight = await App.ReadyFlight();
        var ukOnly = await App.PlannedFlight(Api.Plan(states: [State.UK]));
        await Statement(flight, FrFinance, "fr-FR");
        await Statement(ukOnly, UkFinance, "en-GB");
        await Statement(ukOnly, Actors.Of(Role.Auditor, State.FR), "en-GB");
        await Statement(ukOnly, Actors.Of(Role.Admin, State.FR), "en-GB");

        await App.Get($"/api/flights/{flight}/statement.pdf", 403, Actors.UkPlanner);
        var refused = (await App.Get($"/api/flights/{ukOnly}/statement.pdf", 403, FrFinance)).Problem();
        Assert.Contains("UK", refused["detail"]!.GetValue<string>());
        var unknown = (await App.Get($"/api/flights/{Guid.CreateVersion7()}/statement.pdf", 404, UkFinance)).Problem();
        Assert.Equal(404, unknown["status"]!.GetValue<int>());
    }
}
