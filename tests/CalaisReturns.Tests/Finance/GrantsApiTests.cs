using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Granting;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Jobs.Notifications;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Finance;

public class GrantsApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    private Task<FlightCostShare> CostShareOf(Guid flight) => App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", FrFinance);

    private static string Day(int days) => DateOnly.FromDateTime(AppFixture.Start.AddDays(days).UtcDateTime).ToString("yyyy-MM-dd");

    private async Task<Guid> Grant(Guid flight, decimal amount, int deadlineInDays, string reference)
    {
        var grant = Guid.CreateVersion7();
        await App.Post($"/api/flights/{flight}/grants", new
        {
            grantId = grant, funder = "Frontex", amount = new { amount, currency = "EUR" }, reference, decidedOn = Day(-3),
            claimDeadline = Day(deadlineInDays),
        }, actor: UkFinance);
        return grant;
    }

    private async Task<Guid> AttachClaimEvidence(Guid flight, Guid grant)
    {
        using var client = App.Client(UkFinance);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% Frontex claim form and invoices\n%%EOF\n")), "file", "claim.pdf");
        form.Add(new StringContent(grant.ToString()), "attachedTo");
        var response = await client.PostAsync($"/api/flights/{flight}/documents", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["documentId"]!.GetValue<string>());
    }

    private async Task<IReadOnlyList<ManifestDeadlineApproaching>> NotificationsOf(Actor actor) =>
        await App.GetJson<List<ManifestDeadlineApproaching>>("/api/notifications", actor);

    [Fact]
    public async Task A_grant_is_decided_claimed_with_its_documents_and_paid_less_than_claimed_and_the_cost_share_counts_what_was_paid()
    {
        var flight = await App.ReadyFlight();
        await App.AgreedSplitAndRate(flight, new
        {
            basis = "FixedRatio", settlementCurrency = "EUR",
            ratios = new[] { new { state = "UK", percent = 50 }, new { state = "FR", percent = 50 } },
        }, eurPerGbp: 1.2000m);
        await App.UkCharterCost(flight, 100_000m);
        var before = (await CostShareOf(flight)).Figures.Totals!;
        Assert.Equal((120_000m, 60_000m, -60_000m), (before.SharedTotal, before.States[0].Share, before.States[0].Balance));

        var frontex = await Grant(flight, 40_000m, 20, "FX-2026-17");
        var hotel = await Grant(flight, 5_000m, 10, "FX-2026-18");
        await App.Post($"/api/flights/{flight}/grants", new
        {
            funder = "Frontex", amount = new { amount = 1m, currency = "EUR" }, reference = "X", decidedOn = Day(0), claimDeadline = Day(5),
            state = "UK",
        }, 403, FrFinance);
        var decided = (await CostShareOf(flight)).Figures.Totals!;
        Assert.Equal((0m, 45_000m, 120_000m), (decided.States[0].FundingReceived, decided.States[0].FundingExpected, decided.SharedTotal));

        // The claim goes with the documents attached to the grant, by the state it was granted to.
        var claim = new { amount = new { amount = 38_500m, currency = "EUR" }, claimedOn = Day(0), documents = Array.Empty<Guid>() };
        await App.Post($"/api/flights/{flight}/grants/{frontex}/claim", claim, 400, UkFinance);
        var evidence = await AttachClaimEvidence(flight, frontex);
        await App.Post($"/api/flights/{flight}/grants/{frontex}/claim", claim with { documents = [evidence] }, 403, FrFinance);
        await App.Post($"/api/flights/{flight}/grants/{hotel}/claim", claim with { documents = [evidence] }, 409, UkFinance);
        await App.Post($"/api/flights/{flight}/grants/{frontex}/claim", claim with { documents = [evidence] }, actor: UkFinance);
        Assert.Equal(43_500m, (await CostShareOf(flight)).Figures.Totals!.States[0].FundingExpected);

        // The unclaimed grant's deadline nears: the UK's finance staff are warned, its planners and France's finance are not.
        await Host.InvokeMessageAndWaitAsync(new SweepGrantDeadlines());
        var near = Assert.Single(await NotificationsOf(UkFinance));
        Assert.Equal((DeadlineKind.ClaimDeadlineNear, AppFixture.Start.UtcDateTime.Date.AddDays(11)), (near.Kind, near.DeadlineAt.UtcDateTime));
        Assert.Empty(await NotificationsOf(FrFinance));
        Assert.DoesNotContain(await NotificationsOf(Actors.UkPlanner), n => n.Kind == DeadlineKind.ClaimDeadlineNear);
        App.Clock.Advance(TimeSpan.FromDays(12));
        await Host.InvokeMessageAndWaitAsync(new SweepGrantDeadlines());
        await Host.InvokeMessageAndWaitAsync(new SweepGrantDeadlines());
        Assert.Equal([DeadlineKind.ClaimDeadlinePassed, DeadlineKind.ClaimDeadlineNear], (await NotificationsOf(UkFinance)).Select(n => n.Kind));

        var report = await App.GetJson<GrantsReport>("/api/reports/grants", UkFinance);
        Assert.Equal([("FX-2026-18", -2, true)], report.Unclaimed.Select(g => (g.Reference, g.Days, g.Late)));
        Assert.Equal([("FX-2026-17", 38_500m, 12)], report.Outstanding.Select(g => (g.Reference, g.Claimed!.Value.Amount, g.Days)));
        Assert.Equal([new GrantTotal(Currency.EUR, 5_000m, 38_500m)], report.Totals);
        Assert.Empty((await App.GetJson<GrantsReport>("/api/reports/grants?state=FR", UkFinance)).Outstanding);
        var csv = (await App.Get("/api/reports/grants.csv?state=UK", actor: UkFinance)).ReadAsText();
        Assert.Contains("UK,RF-2026-0001,Frontex,FX-2026-17,Claimed,EUR,40000.00,", csv);
        var french = (await App.Get("/api/reports/grants.csv?state=UK&format=reader", actor: FrFinance, language: "fr-FR")).ReadAsText();
        Assert.Contains("Demandée, non versée;EUR;40000,00", french);

        // Paid less than claimed: the difference is stated, and from then on the payment is funding the UK received.
        var paid = new { amount = new { amount = 37_900m, currency = "EUR" }, paidOn = Day(12) };
        var silent = (await App.Post($"/api/flights/{flight}/grants/{frontex}/payment", paid, 409, UkFinance)).Problem();
        Assert.Contains("state the difference", silent["detail"]!.GetValue<string>());
        await App.Post($"/api/flights/{flight}/grants/{frontex}/payment",
            new { paid.amount, paid.paidOn, difference = "Hotel nights of two escorts not eligible" }, actor: UkFinance);
        var after = (await CostShareOf(flight)).Figures.Totals!;
        Assert.Equal((37_900m, 5_000m), (after.States[0].FundingReceived, after.States[0].FundingExpected));
        Assert.Equal((120_000m, 37_900m, 82_100m), (after.SharedCosts, after.ExternalFunding, after.SharedTotal));
        Assert.Equal((41_050m, 41_050m), (after.States[0].Share, after.States[1].Share));
        Assert.Equal((State.FR, 41_050m), (after.Debtor, after.Outstanding));

        await App.Post($"/api/flights/{flight}/grants/{hotel}/rejection", new { reason = "Not claimed in time" }, actor: UkFinance);
        Assert.Equal(0m, (await CostShareOf(flight)).Figures.Totals!.States[0].FundingExpected);
        var settled = await App.GetJson<GrantsReport>("/api/reports/grants", UkFinance);
        Assert.Equal((0, 0), (settled.Unclaimed.Count, settled.Outstanding.Count));
        await App.Get("/api/reports/grants", 403, Actors.UkPlanner);
        await App.Get("/api/reports/grants?state=DE", 400, UkFinance);
    }
}
