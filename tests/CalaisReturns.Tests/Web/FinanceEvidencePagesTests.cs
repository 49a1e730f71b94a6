using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CalaisReturns.Tests.Web;

/// <summary>Supporting documents, grants and budgets as finance staff meet them on the pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FinanceEvidencePagesTests(BrowserFixture web)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static byte[] Pdf(string note) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {note}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_French_finance_officer_attaches_an_invoice_to_a_cost_France_paid_downloads_it_and_removes_it()
    {
        var flightId = await web.BookedFlight();
        var lineId = Guid.CreateVersion7();
        await web.Api(WebScenarios.FrFinance, $"/api/flights/{flightId}/costs", new
        {
            category = "Accommodation", description = "Hébergement escorte Lille", lineId,
            amount = new { amount = 1240.00m, currency = "EUR" }, invoiceReference = "FAC-2026-117",
        });
        var path = $"/finance/flights/{flightId}";
        var fr = await web.SignedIn(Role.Finance, State.FR, "Fabienne Finances", language: "fr-FR", path: path);
        var upload = fr.GetByRole(AriaRole.Form, new() { Name = "Joindre un justificatif (FR)" });
        // Only what France holds is offered: its cost line, not the UK-led flight's charter contract.
        await Expect(upload.GetByLabel("Rattaché à").Locator("option")).ToHaveTextAsync(["Choisir…", "Ligne de coût : Hébergement escorte Lille"]);

        // A text file named .pdf: its content is checked, not its name, and the French reason stands next to the file.
        await upload.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload
        {
            Name = "facture.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("pas une facture"),
        });
        await upload.GetByLabel("Rattaché à").SelectOptionAsync(lineId.ToString());
        await upload.GetByRole(AriaRole.Button, new() { Name = "Joindre" }).ClickAsync();
        await Expect(upload.Locator("#upload-file-error"))
            .ToHaveTextAsync("Seuls les fichiers PDF, PNG et JPEG sont acceptés (leur contenu est vérifié, pas leur nom).");
        await Expect(upload.GetByLabel("Fichier")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(upload.GetByLabel("Rattaché à")).ToHaveValueAsync(lineId.ToString());
        await Expect(fr.Locator("table.documents")).ToHaveCountAsync(0);

        var invoice = Pdf("facture FAC-2026-117");
        await upload.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload
        {
            Name = "facture-FAC-2026-117.pdf", MimeType = "application/pdf", Buffer = invoice,
        });
        await upload.GetByRole(AriaRole.Button, new() { Name = "Joindre" }).ClickAsync();
        await Expect(fr.GetByRole(AriaRole.Status)).ToHaveTextAsync("Justificatif joint.");

        var row = fr.Locator("table.documents tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(invoice));
        await Expect(row.Locator("td[data-label='Rattaché à']")).ToHaveTextAsync("Ligne de coût : Hébergement escorte Lille");
        await Expect(row.Locator("td[data-label='Taille']")).ToHaveTextAsync($"{invoice.Length}\u00a0octets");
        await Expect(row.Locator("summary")).ToHaveTextAsync(sha256[..12] + "…");
        await Expect(row.Locator("details > code")).ToHaveTextAsync(sha256);
        await Expect(row.Locator("td[data-label='Joint par']")).ToHaveTextAsync("FR");
        await Expect(row.Locator("td[data-label='Joint le']")).ToContainTextAsync("Paris");
        await Expect(row.Locator("td[data-label='Statut']")).ToHaveTextAsync("Joint");
        Untranslated.AssertNone(path, await fr.Locator("body").InnerTextAsync());
        await fr.AssertAccessible();

        var download = await fr.RunAndWaitForDownloadAsync(() =>
            row.GetByRole(AriaRole.Link, new() { Name = "facture-FAC-2026-117.pdf" }).ClickAsync());
        Assert.Equal("facture-FAC-2026-117.pdf", download.SuggestedFilename);
        Assert.Equal(invoice, await File.ReadAllBytesAsync((await download.PathAsync())!));
        await fr.Screenshot("documents-finance-fr-1280");

        // Only the state that attached a document removes it: the UK's finance is not offered the form.
        var uk = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance", path: path);
        await Expect(uk.Locator("table.documents tbody tr")).ToHaveCountAsync(1);
        await Expect(uk.GetByRole(AriaRole.Form, new() { NameRegex = new Regex("^Remove facture") })).ToHaveCountAsync(0);
        await fr.Submit("Retirer", "Justificatif retiré.", ("Motif", "Doublon de la facture"));
        await Expect(row.Locator("td[data-label='Statut']")).ToHaveTextAsync("Retiré");
    }

    [Fact]
    public async Task Finance_records_a_grant_claims_it_with_its_evidence_and_records_a_payment_below_the_claim()
    {
        var flightId = await web.BookedFlight();
        await web.AgreedSplit(flightId);
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/exchange-rate",
            new { eurPerGbp = 1.1734m, rateDate = Day(Today), source = "ECB" });
        await web.Api(WebScenarios.UkFinance, $"/api/flights/{flightId}/costs", new
        {
            category = "Charter", description = "Charter invoice", amount = new { amount = 2000.00m, currency = "GBP" },
            invoiceReference = "INV-77",
        });
        var uk = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance", path: $"/finance/flights/{flightId}");
        var record = uk.GetByRole(AriaRole.Form, new() { Name = "Record a grant to UK" });
        await record.GetByLabel("Funder").FillAsync("Frontex");
        await record.GetByLabel("Amount granted").FillAsync("1,173.40");
        await record.GetByLabel("Currency").SelectOptionAsync("EUR");
        await record.GetByLabel("Reference").FillAsync("FX-2026-118");
        await record.GetByLabel("Decided on").FillAsync(Day(Today.AddDays(-10)));
        await record.GetByLabel("Claim deadline").FillAsync(Day(Today.AddDays(30)));
        await record.GetByRole(AriaRole.Button, new() { Name = "Record grant" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grant decided.");

        var grant = uk.Locator("table.grants tbody tr").Filter(new() { HasText = "FX-2026-118" });
        await Expect(grant.Locator("td[data-label='Amount granted']")).ToHaveTextAsync("€1,173.40");
        await Expect(grant.Locator("td[data-label='Claim deadline']")).ToContainTextAsync("(30 days left)");
        await Expect(grant.Locator("td[data-label='Status']")).ToHaveTextAsync("Decided, not claimed");
        // €1,173.40 at 1.1734 is £1,000.00: expected, not yet received.
        await ExpectFunding(uk, received: "£0.00", expected: "£1,000.00");
        await Expect(uk.GetByText("To claim grant FX-2026-118, first attach the claim's evidence to it")).ToBeVisibleAsync();

        var evidence = Pdf("claim FX-2026-118");
        var upload = uk.GetByRole(AriaRole.Form, new() { Name = "Attach a supporting document (UK)" });
        await upload.GetByLabel("File").SetInputFilesAsync(new FilePayload
        {
            Name = "claim-FX-2026-118.pdf", MimeType = "application/pdf", Buffer = evidence,
        });
        await upload.GetByLabel("Attached to").SelectOptionAsync(new SelectOptionValue { Label = "Grant: Frontex FX-2026-118" });
        await upload.GetByRole(AriaRole.Button, new() { Name = "Attach" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Supporting document attached.");

        var claim = uk.GetByRole(AriaRole.Form, new() { Name = "Claim grant FX-2026-118 (€1,173.40)" });
        await Expect(claim.GetByLabel("Amount claimed")).ToHaveValueAsync("1173.40");
        await claim.GetByLabel("Claimed on").FillAsync(Day(Today.AddDays(-1)));
        // Sent without its evidence, the claim is refused and the reason stands by the documents to tick.
        await claim.GetByRole(AriaRole.Button, new() { Name = "Record claim" }).ClickAsync();
        await Expect(claim.Locator("fieldset .field-error")).ToHaveTextAsync("Name at least one supporting document attached to the grant.");
        await claim.GetByLabel("claim-FX-2026-118.pdf").CheckAsync();
        await claim.GetByRole(AriaRole.Button, new() { Name = "Record claim" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grant claimed.");
        await Expect(grant.Locator("td[data-label='Status']")).ToHaveTextAsync("Claimed, not paid");
        await Expect(grant.Locator("td[data-label='Claimed']")).ToContainTextAsync("with claim-FX-2026-118.pdf");
        await ExpectFunding(uk, received: "£0.00", expected: "£1,000.00");

        // The grants page lists the claim as awaiting payment, a day old.
        await uk.GotoAsync("/finance/grants");
        var outstanding = uk.Locator("table.outstanding tbody tr").Filter(new() { HasText = "FX-2026-118" });
        await Expect(outstanding.Locator("td[data-label='Amount claimed']")).ToHaveTextAsync("€1,173.40");
        await Expect(outstanding.Locator("td[data-label='Days since the claim']")).ToHaveTextAsync("1");
        await Expect(uk.Locator("table.unclaimed")).Not.ToContainTextAsync("FX-2026-118");
        await uk.AssertAccessible();
        await uk.GoBackAsync();

        // The funder paid less than was claimed: refused until the difference is stated, nothing typed lost.
        var payment = uk.GetByRole(AriaRole.Form, new() { Name = "Record the payment of grant FX-2026-118 (claimed €1,173.40)" });
        await payment.GetByLabel("Amount paid").FillAsync("1056.06");
        await payment.GetByLabel("Paid on").FillAsync(Day(Today));
        await payment.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(payment.Locator(".form-problem")).ToHaveTextAsync("Refused: €1,056.06 paid is not the €1,173.40 claimed: state the difference.");
        await Expect(payment.GetByLabel("Amount paid")).ToHaveValueAsync("1056.06");
        await payment.GetByLabel("Difference").FillAsync("Bank charges deducted by the funder");
        await payment.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grant paid.");

        // €1,056.06 at 1.1734 is £900.00, now received; nothing more is expected.
        await ExpectFunding(uk, received: "£900.00", expected: "£0.00");
        await Expect(grant.Locator("td[data-label='Paid']")).ToHaveTextAsync(new Regex("^€1,056\\.06 on "));
        await Expect(grant.Locator("td[data-label='Difference or rejection']")).ToHaveTextAsync("Difference: Bank charges deducted by the funder");
        await uk.Screenshot("grants-finance-1280");
    }

    [Fact]
    public async Task A_budget_set_below_what_the_flights_commit_shows_the_overrun_to_finance_and_warns_the_planners()
    {
        var departure = WebScenarios.Departure(days: 45);
        var flightId = await web.BookedFlight(departure);
        var reference = (await web.Get(Actors.UkPlanner, $"/api/flights/{flightId}")).GetProperty("reference").GetString()!;
        // The UK's 2026-27 while the flight departs before April 2027.
        var year = FiscalYear.Of(State.UK, departure).Name;
        var budgetApi = $"/api/budgets/UK/{year}";
        var before = await web.Get(WebScenarios.UkFinance, budgetApi);
        // The demo data sets a budget for the fiscal year of today; a later year starts without one.
        var existing = before.GetProperty("amount").ValueKind != JsonValueKind.Null;
        // Other tests' flights count too (committed or, once reconciled, actual); the flights are taken in the order they
        // were booked, so the budget is set £500.00 short of what they take up to and with this one.
        var spent = before.GetProperty("committed").GetDecimal() + before.GetProperty("actual").GetDecimal();
        var flights = before.GetProperty("flights").EnumerateArray().ToList();
        var index = flights.FindIndex(f => f.GetProperty("flightId").GetGuid() == flightId);
        Assert.True(index > 0, "The demo flights were booked before this one.");
        var upToThis = flights.Take(index + 1).Sum(f => f.GetProperty("amount").GetDecimal());
        var (ample, short500) = (spent + 100_000m, upToThis - 500m);
        var pounds = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            var uk = await web.SignedIn(Role.Finance, State.UK, "Fiona Finance", path: $"/finance/budgets?state=UK&fiscalYear={year}");
            if (existing)
            {
                await uk.Submit("Save budget", "Budget set.", ("Amount (GBP)", ample.ToString("0.00", CultureInfo.InvariantCulture)),
                    ("Reason", "Supplementary estimate"));
            }
            else
            {
                await Expect(uk.Locator("[data-testid=budget-figures]")).ToContainTextAsync("not set");
                await uk.Submit("Save budget", "Budget set.", ("Amount (GBP)", ample.ToString("0.00", CultureInfo.InvariantCulture)));
            }

            await Expect(uk.Locator("[data-testid=budget-figures]")).ToContainTextAsync("£100,000.00");

            // Lowered below what the flights take: the change needs a reason.
            var change = uk.GetByRole(AriaRole.Form, new() { Name = $"Change UK's budget for {year}" });
            await change.GetByLabel("Amount (GBP)").FillAsync(short500.ToString("0.00", CultureInfo.InvariantCulture));
            await change.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
            await Expect(change.Locator("#budget-reason-error")).ToHaveTextAsync("Enter reason.");
            await change.GetByLabel("Reason").FillAsync("In-year spending review");
            await change.GetByRole(AriaRole.Button, new() { Name = "Save budget" }).ClickAsync();
            await Expect(uk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Budget set.");
            await Expect(uk.Locator("[data-testid=budget-figures] dd.over")).ToHaveTextAsync((short500 - spent).ToString("C2", pounds));

            // The flight booked last takes the budget over: its row says by how much.
            var row = uk.Locator("table.budget tbody tr").Filter(new() { HasText = reference });
            await Expect(row.Locator("td[data-label='Overrun']")).ToHaveTextAsync("over by £500.00");
            await Expect(row.Locator("td[data-label='Counted as']")).ToHaveTextAsync("Committed");
            // The flights booked before it stay within the budget.
            var overruns = await uk.Locator("table.budget tbody tr").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => r.querySelector(\"td[data-label='Overrun']\").innerText.trim())");
            var ours = (await uk.Locator("table.budget tbody tr td:first-child").AllInnerTextsAsync()).ToList().IndexOf(reference);
            Assert.True(ours > 0, "The demo flights were booked before this one.");
            Assert.All(overruns.Take(ours), o => Assert.Equal("—", o));
            await uk.AssertAccessible();
            await uk.Screenshot("budgets-finance-1280");
            var csv = await uk.RunAndWaitForDownloadAsync(() => uk.GetByRole(AriaRole.Link, new() { Name = "CSV for scripts (RFC 4180)" }).ClickAsync());
            Assert.Equal($"budget-UK-{year}.csv", csv.SuggestedFilename);
            Assert.Contains($"UK,{year},{reference},", await File.ReadAllTextAsync((await csv.PathAsync())!));

            // Another state's budget is read, not set: switching the state keeps the year, in France's form.
            await uk.GetByLabel("State", new() { Exact = true }).SelectOptionAsync("FR");
            await uk.GetByRole(AriaRole.Button, new() { Name = "Show budget" }).ClickAsync();
            await Expect(uk.Locator("#budget-heading")).ToHaveTextAsync($"FR's budget for joint flights, {year[..4]}");
            await Expect(uk.GetByLabel("Fiscal year", new() { Exact = true })).ToHaveValueAsync(year[..4]);
            await Expect(uk.Locator("form[data-api]")).ToHaveCountAsync(0);

            await uk.GotoAsync($"/finance/flights/{flightId}");
            await Expect(uk.Locator(".badge-warning")).ToHaveTextAsync($"UK's {year} budget is exceeded by £500.00 once this flight is counted.");

            // Planners are told, not shown the figure.
            var planner = await web.SignedIn(Role.Planner, State.UK, "Pat Planner", path: "/schedule");
            var scheduled = planner.Locator("table tbody tr").Filter(new() { HasText = reference });
            await Expect(scheduled.Locator(".badge-warning").Filter(new() { HasText = "budget" })).ToHaveTextAsync(
                $"UK's {year} budget for joint flights is exceeded once this flight is counted.");
        }
        finally
        {
            // The other browser tests' flights depart in the same year: leave them room.
            using var restore = await web.App.Send(WebScenarios.UkFinance, HttpMethod.Put, budgetApi,
                new { amount = ample + 10_000_000m, reason = "Test over" });
            Assert.True(restore.IsSuccessStatusCode, await restore.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The UK's funding received and expected in the flight's figures.</summary>
    private static async Task ExpectFunding(IPage page, string received, string expected)
    {
        var row = page.Locator("table.balance tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = "UK" }) });
        await Expect(row.Locator("td[data-label='Funding received']")).ToHaveTextAsync(received);
        await Expect(row.Locator("td[data-label='Funding expected']")).ToHaveTextAsync(expected);
    }
}
