using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Documenting;
using CalaisReturns.Finance.Sharing;
using Marten;
using Npgsql;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Finance;

public class SupportingDocumentsApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.FR);

    /// <summary>A small but real PDF: a scanned invoice as a finance officer would attach it.</summary>
    private static byte[] Invoice(string number) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% invoice {number}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<HttpResponseMessage> Attach(Guid flight, byte[] content, string fileName, string attachedTo, Actor actor,
        string language = "en-GB")
    {
        using var client = App.Client(actor);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        // What the sender claims is not what is stored: the content says what the file is.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(attachedTo), "attachedTo");
        return await client.PostAsync($"/api/flights/{flight}/documents", form);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<HttpResponseMessage> Download(Guid flight, Guid document, Actor actor)
    {
        using var client = App.Client(actor);
        return await client.GetAsync($"/api/flights/{flight}/documents/{document}");
    }

    [Fact]
    public async Task Finance_attaches_an_invoice_to_its_line_and_both_states_and_auditors_download_it_as_sealed()
    {
        var flight = await App.ReadyFlight();
        var line = await App.UkCharterCost(flight, 174_468m);
        var invoice = Invoice("TA-1");
        // France's finance officer has the cost share open at this version while the UK attaches its invoice.
        var openInFrance = (await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", FrFinance)).Version;

        var attached = await Json(await Attach(flight, invoice, "TA-1 invoice.pdf", line.ToString(), UkFinance), HttpStatusCode.OK);
        var document = Guid.Parse(attached["documentId"]!.GetValue<string>());
        Assert.Equal(SupportingFiles.Sha256(invoice), attached["sha256"]!.GetValue<string>());

        foreach (var reader in new[] { UkFinance, FrFinance, Auditor, Actors.Of(Role.Admin, State.UK) })
        {
            var download = await Download(flight, document, reader);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("TA-1 invoice.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.Equal(invoice, await download.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Download(flight, document, Actors.UkPlanner)).StatusCode);

        // The digest is in the sealed event that attached it, and the cost share lists the document against its line.
        var share = await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", FrFinance);
        Assert.Equal((DocumentSubject.Line, line, SupportingFiles.Sha256(invoice)),
            (share.Facts.Documents.Single().Subject, share.Facts.Documents.Single().SubjectId, share.Facts.Documents.Single().Sha256));
        var verified = await App.GetJson<JsonObject>("/api/audit/verify", Auditor);
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());

        // Attaching a document does not make the other state's open page stale: it decides nothing, and France's next
        // change, sent with the version it read before the upload, is taken.
        Assert.Equal(openInFrance, share.Version);
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Accommodation", description = "Hôtel des escortes", amount = new { amount = 2_100m, currency = "EUR" },
            invoiceReference = "HOT-77", expectedVersion = openInFrance,
        }, actor: FrFinance);
    }

    [Fact]
    public async Task Files_are_typed_by_their_content_sized_at_most_10_MB_and_attached_only_where_they_belong()
    {
        var flight = await App.ReadyFlight();
        var line = await App.UkCharterCost(flight, 1_000m);

        var exe = await Json(await Attach(flight, [0x4D, 0x5A, 0x90, 0x00, 0x03], "invoice.pdf", line.ToString(), UkFinance), HttpStatusCode.BadRequest);
        Assert.Contains("PDF, PNG", exe["errors"]!["file"]![0]!.GetValue<string>());
        var png = await Json(await Attach(flight, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], "receipt.pdf", line.ToString(), UkFinance),
            HttpStatusCode.OK);
        var pngId = Guid.Parse(png["documentId"]!.GetValue<string>());
        Assert.Equal("image/png", (await Download(flight, pngId, UkFinance)).Content.Headers.ContentType!.MediaType);

        // A scan of several megabytes passes the API's 64 KB body limit: the endpoint declares its own.
        var scan = new byte[6 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(scan);
        Assert.Equal(HttpStatusCode.OK, (await Attach(flight, scan, "contract.pdf", "charter", UkFinance)).StatusCode);
        var tooBig = new byte[SupportingFiles.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(tooBig);
        var refused = await Json(await Attach(flight, tooBig, "big.pdf", "charter", UkFinance, "fr-FR"), HttpStatusCode.BadRequest);
        Assert.Contains("10 Mo", refused["errors"]!["file"]![0]!.GetValue<string>());

        var other = await Json(await Attach(flight, Invoice("x"), "x.pdf", line.ToString(), FrFinance), HttpStatusCode.Forbidden);
        Assert.Contains("UK", other["detail"]!.GetValue<string>());
        await Json(await Attach(flight, Invoice("x"), "x.pdf", "charter", FrFinance), HttpStatusCode.Forbidden);
        var unknown = await Json(await Attach(flight, Invoice("x"), "x.pdf", Guid.CreateVersion7().ToString(), UkFinance), HttpStatusCode.Conflict);
        Assert.Contains("no cost line, funding, grant or settlement", unknown["detail"]!.GetValue<string>());
        var bad = await Json(await Attach(flight, Invoice("x"), "x\u0007.pdf", "contract", UkFinance), HttpStatusCode.BadRequest);
        Assert.Equal(["attachedTo", "file"], bad["errors"]!.AsObject().Select(e => e.Key).Order());
        var retried = await Json(await Attach(flight, scan, "contract (1).pdf", "charter", UkFinance), HttpStatusCode.Conflict);
        Assert.Contains("already attached", retried["detail"]!.GetValue<string>());

        // Nothing refused was written: the two files taken are the only ones stored.
        Assert.Equal(2, (await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", UkFinance)).Facts.Documents.Count);
        Assert.Equal(2L, await Scalar($"select count(*) from {App.Schema}.{SupportingFiles.TableName}"));
    }

    [Fact]
    public async Task A_download_refuses_bytes_or_a_digest_changed_in_the_database()
    {
        var flight = await App.ReadyFlight();
        var line = await App.UkCharterCost(flight, 1_000m);
        var first = Guid.Parse((await Json(await Attach(flight, Invoice("A"), "a.pdf", line.ToString(), UkFinance), HttpStatusCode.OK))["documentId"]!.GetValue<string>());
        var second = Guid.Parse((await Json(await Attach(flight, Invoice("B"), "b.pdf", line.ToString(), UkFinance), HttpStatusCode.OK))["documentId"]!.GetValue<string>());

        await Scalar($"update {App.Schema}.{SupportingFiles.TableName} set content = @forged where id = '{first}'", Invoice("A, forged"));
        var altered = await Json(await Download(flight, first, Auditor), HttpStatusCode.Conflict);
        Assert.Contains("no longer has the SHA-256", altered["detail"]!.GetValue<string>());

        // Changing the digest to match forged bytes breaks the event's seal instead.
        var forged = SupportingFiles.Sha256(Invoice("B, forged"));
        await Scalar($"update {App.Schema}.{SupportingFiles.TableName} set content = @forged where id = '{second}'", Invoice("B, forged"));
        await Scalar($"update {App.Schema}.mt_events set data = jsonb_set(data, '{{Sha256}}', to_jsonb('{forged}'::text)) where data ->> 'DocumentId' = '{second}'");
        var unverified = await Json(await Download(flight, second, Auditor), HttpStatusCode.Conflict);
        Assert.Contains("does not verify", unverified["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_removed_document_is_kept_until_its_retention_ends_then_its_bytes_are_deleted_and_its_digest_stays()
    {
        var flight = await App.ReadyFlight();
        var line = await App.UkCharterCost(flight, 1_000m);
        var document = Guid.Parse((await Json(await Attach(flight, Invoice("A"), "a.pdf", line.ToString(), UkFinance), HttpStatusCode.OK))["documentId"]!.GetValue<string>());

        await App.Post($"/api/flights/{flight}/documents/{document}/removal", new { reason = "Wrong invoice" }, 403, FrFinance);
        await App.Post($"/api/flights/{flight}/documents/{document}/removal", new { reason = "" }, 400, UkFinance);
        await App.Post($"/api/flights/{flight}/documents/{document}/removal", new { reason = "Wrong invoice" }, 204, UkFinance);
        await App.Post($"/api/flights/{flight}/documents/{document}/removal", new { reason = "Again" }, 409, UkFinance);
        Assert.Equal(HttpStatusCode.OK, (await Download(flight, document, Auditor)).StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(2191));
        await Host.InvokeMessageAndWaitAsync(new DeleteExpiredDocuments());
        Assert.Equal(HttpStatusCode.OK, (await Download(flight, document, Auditor)).StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(2));
        await Host.InvokeMessageAndWaitAsync(new DeleteExpiredDocuments());
        await Host.InvokeMessageAndWaitAsync(new DeleteExpiredDocuments());
        var gone = await Json(await Download(flight, document, Auditor), HttpStatusCode.Gone);
        Assert.Contains("retention", gone["detail"]!.GetValue<string>());
        Assert.Equal(0L, await Scalar($"select count(*) from {App.Schema}.{SupportingFiles.TableName} where content is not null"));
        var history = await App.HistoryEvents($"/api/flights/{flight}/history", Auditor);
        Assert.Single(history, e => e!["type"]!.GetValue<string>() == "supporting_document_deleted");
        Assert.Contains(history, e => e!["type"]!.GetValue<string>() == "supporting_document_attached"
            && e["data"]!["sha256"]!.GetValue<string>() == SupportingFiles.Sha256(Invoice("A")));
        var verified = await App.GetJson<JsonObject>("/api/audit/verify", Auditor);
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
    }

    private static async Task<object?> Scalar(string sql, byte[]? forged = null)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (forged is not null)
        {
            command.Parameters.AddWithValue("forged", forged);
        }

        return await command.ExecuteScalarAsync();
    }
}
