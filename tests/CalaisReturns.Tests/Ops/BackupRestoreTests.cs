using System.Diagnostics;
using System.Text.Json;
using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace CalaisReturns.Tests.Ops;

/// <summary>
/// ops/backup of a running instance and ops/restore into a new database, as an operator runs them: the copy verifies,
/// keeps the checkpoint beside the dump as its latest, and holds the same projections, which equal a rebuild.
/// </summary>
public class BackupRestoreTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.FR);

    [Fact]
    public async Task A_backup_restored_into_a_new_database_verifies_keeps_its_checkpoint_and_equals_a_rebuild()
    {
        var (flight, earlier, latest) = await FlightsCasesAndFinanceWithTwoCheckpoints();
        var source = await Projections(AppFixture.ConnectionString);
        var events = await App.EventCount();
        var restoredDb = "restore_test_" + Guid.NewGuid().ToString("N")[..10];
        var tamperedDb = restoredDb + "_tampered";
        var dir = Directory.CreateTempSubdirectory("calais-backup-").FullName;
        var restored = new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString) { Database = restoredDb }.ConnectionString;
        try
        {
            var backup = await Ops("backup", "--app-schemas-only", "--dir", dir);
            var dump = backup.Output.Trim().Split('\n')[^1];
            Assert.Matches(@"/calais_returns_test-\d{4}-\d\d-\d\dT\d{4}Z\.dump$", dump);
            Assert.Equal(latest, ReadCheckpoint(dump[..^".dump".Length] + ".checkpoint.json"));

            var restore = await Ops("restore", dump, "--database", restoredDb);
            Assert.Contains("its latest checkpoint is the one beside the dump", restore.Errors);
            Assert.Equal(latest, await LatestCheckpoint(restored));
            Assert.Equal(source, await Projections(restored));

            var (verifyExit, verifyOutput) = await AppProcess.Run(restored, App.Schema, "audit-verify");
            Assert.True(verifyExit == 0, verifyOutput);
            Assert.Contains($"Intact: {events} events", verifyOutput);

            await WipeProjections(restored);
            var (rebuildExit, rebuildOutput) = await AppProcess.Run(restored, App.Schema, "projections", "rebuild");
            Assert.True(rebuildExit == 0, rebuildOutput);
            Assert.Equal(source, await Projections(restored));

            await using (var running = new RunningApp(App.Schema, connectionString: restored))
            {
                await running.StartAsync();
                Assert.Equal((await App.Get($"/api/flights/{flight}/history", actor: Auditor)).ReadAsText(),
                    (await running.Get(Auditor, $"/api/flights/{flight}/history")).GetRawText());
                Assert.True((await running.Get(Auditor, "/api/audit/verify?full=true")).GetProperty("intact").GetBoolean());
                var document = (await App.GetJson<CalaisReturns.Finance.Sharing.FlightCostShare>($"/api/flights/{flight}/cost-share", Auditor))
                    .Facts.Documents.Single().DocumentId;
                var restoredContract = await running.Send(Auditor, HttpMethod.Get, $"/api/flights/{flight}/documents/{document}");
                Assert.Equal(Contract, await restoredContract.Content.ReadAsByteArrayAsync());

                // Served by Kestrel itself, a scan of a few megabytes passes the API's 64 KB body limit on this endpoint alone.
                using var finance = new HttpClient();
                finance.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                    CalaisReturns.Core.Identity.DevelopmentTokens.Issue(new CalaisReturns.Core.Identity.AuthSettings
                    {
                        SigningKey = CalaisReturns.Core.Identity.AuthSettings.DevelopmentKey,
                    }, Actors.Of(Role.Finance, State.UK), DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
                var scan = new byte[3 * 1024 * 1024];
                "%PDF-1.7\n"u8.CopyTo(scan);
                await Upload(finance, running.BaseUrl, flight, scan);
            }

            var again = await Ops(1, "restore", dump, "--database", restoredDb);
            Assert.Contains($"database {restoredDb} exists", again.Errors);

            // A dump beside a checkpoint that is not its latest: restored, but refused.
            var copy = Path.Combine(dir, "copy.dump");
            File.Copy(dump, copy);
            await File.WriteAllTextAsync(Path.Combine(dir, "copy.checkpoint.json"), JsonSerializer.Serialize(earlier, JsonSerializerOptions.Web));
            var tampered = await Ops(1, "restore", copy, "--database", tamperedDb);
            Assert.Contains("is not the one beside the dump", tampered.Errors);
        }
        finally
        {
            await DropDatabase(restoredDb);
            await DropDatabase(tamperedDb);
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The charter contract attached to the flight: its bytes are in the database, so in the backup.</summary>
    private static readonly byte[] Contract = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% charter contract HO-CH-2026-117\n%%EOF\n");

    private static async Task<Guid> Upload(HttpClient client, string baseUrl, Guid flight, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", "contract.pdf");
        form.Add(new StringContent("charter"), "attachedTo");
        var response = await client.PostAsync($"{baseUrl}/api/flights/{flight}/documents", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return System.Text.Json.Nodes.JsonNode.Parse(text)!["documentId"]!.GetValue<Guid>();
    }

    /// <summary>
    /// A flight with seats, cases of both states on its manifest, an agreed split, a cost, the charter contract attached,
    /// the UK's budget, June closed by both states, an erased case, a named officer, an incident before departure, the
    /// monitor's observation and a complaint.
    /// </summary>
    private async Task<(Guid Flight, SignedCheckpoint Earlier, SignedCheckpoint Latest)> FlightsCasesAndFinanceWithTwoCheckpoints()
    {
        var flight = await App.ReadyFlight();
        var person = await App.OpenCase();
        await App.Manifest(flight, person);
        await App.Manifest(flight, await App.OpenCase(State.FR), State.FR);
        var earlier = await App.GetJson<SignedCheckpoint>("/api/audit/checkpoint", Auditor);
        await App.AgreedSplitAndRate(flight, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        await App.UkCharterCost(flight, 150_000m);
        await Upload(App.Client(Actors.Of(Role.Finance, State.UK)), "", flight, Contract);
        await App.Put("/api/budgets/UK/2026-27", new { amount = 900_000m }, actor: Actors.Of(Role.Finance, State.UK));
        await App.Post("/api/periods/2026-06/closure", new { }, actor: Actors.Of(Role.Finance, State.UK));
        await App.Post("/api/periods/2026-06/closure", new { }, actor: Actors.Of(Role.Finance, State.FR));
        var erased = await App.OpenCase(name: "Erased Person");
        await App.Post($"/api/cases/{erased}/closure", new { reason = "Released" });
        await App.AndPolicies(() => App.Post($"/api/cases/{erased}/erasure", new { }));
        var officer = (await App.Post("/api/officers", new
        {
            staffNumber = "UK-7001", name = "Backed Up", grade = "DCO", certificateExpiry = "2030-01-01", restraintTrainingExpiry = "2030-01-01",
        }, 201)).ReadAsJson<Accepted>()!.Id;
        await App.Post($"/api/flights/{flight}/officers", new { officerId = officer, duty = "Escort" });
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = Actors.Imb });
        App.Clock.Now = Api.Departure.AddHours(-1);
        await App.Post($"/api/flights/{flight}/incidents", new
        {
            occurredAt = Api.Departure.AddHours(-2), phase = "PreDeparture", category = "MedicalEmergency", caseIds = new[] { person },
            officerIds = new[] { officer }, narrative = "Fainted at the gate",
        }, 201);
        await App.Post($"/api/flights/{flight}/monitor-report/observations", new { observedAt = App.Clock.Now, text = "Briefing held" },
            actor: Actors.Monitor(Actors.Imb));
        await App.AndPolicies(() => App.Post("/api/complaints", new { caseId = person, officerId = officer, text = "Rough" }, 201));
        await App.ProjectionsCaughtUp();
        App.Clock.Now = App.Clock.Now.AddMinutes(1);
        return (flight, earlier, await App.GetJson<SignedCheckpoint>("/api/audit/checkpoint", Auditor));
    }

    /// <summary>The tables of every projection that stores documents, as the store knows them: a new one is compared too.</summary>
    private IReadOnlyList<string> ProjectionTables()
    {
        var options = (StoreOptions)App.Store.Options;
        List<string> tables = [.. options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live)
            .SelectMany(p => p.PublishedTypes())
            .Select(t => ((IReadOnlyStoreOptions)options).FindOrResolveDocumentType(t).TableName.Name)
            .Distinct().Order()];
        Assert.Superset(new HashSet<string>(["mt_doc_casesummary", "mt_doc_costsharereportentry", "mt_doc_flightcostshare",
            "mt_doc_flightledger", "mt_doc_flightschedule"]), tables.ToHashSet());
        return [.. tables.Select(t => $"{App.Schema}.{t}")];
    }

    /// <summary>
    /// Every row of every projection table, each column but the write's own stamps (when, and a version that changes on
    /// every write): the documents and the columns kept beside them.
    /// </summary>
    private async Task<string> Projections(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        foreach (var table in ProjectionTables())
        {
            await using var read = new NpgsqlCommand(
                $"select coalesce(string_agg((to_jsonb(t) - 'mt_last_modified' - 'mt_version')::text, E'\\n' order by t.id), '') from {table} t",
                connection);
            var rows = (string)(await read.ExecuteScalarAsync())!;
            Assert.True(rows.Length > 0, $"{table} is empty: the scenario must fill every projection");
            tables.Add($"{table}:\n{rows}");
        }

        return string.Join("\n", tables);
    }

    private async Task WipeProjections(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in ProjectionTables())
        {
            await using var wipe = new NpgsqlCommand($"delete from {table}", connection);
            await wipe.ExecuteNonQueryAsync();
        }
    }

    private async Task<SignedCheckpoint> LatestCheckpoint(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            $"select data -> 'Checkpoint' from {App.Schema}.mt_doc_storedcheckpoint order by (data ->> 'TakenAt')::timestamptz desc limit 1",
            connection);
        return JsonSerializer.Deserialize<SignedCheckpoint>((string)(await read.ExecuteScalarAsync())!)!;
    }

    private static SignedCheckpoint ReadCheckpoint(string path) =>
        JsonSerializer.Deserialize<SignedCheckpoint>(File.ReadAllText(path), JsonSerializerOptions.Web)!;

    /// <summary>Runs ops/&lt;script&gt; against this test's database and schema, as the app is pointed at them.</summary>
    private Task<(string Output, string Errors)> Ops(string script, params string[] args) => Ops(0, script, args);

    private async Task<(string Output, string Errors)> Ops(int expectedExit, string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RunningApp.RepositoryRoot(), "ops", script), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Postgres"] = AppFixture.ConnectionString;
        start.Environment["Database__Schema"] = App.Schema;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(process.ExitCode == expectedExit, $"ops/{script} exited {process.ExitCode}:\n{await output}\n{await errors}");
        return (await output, await errors);
    }

    private static async Task DropDatabase(string name)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        // Dropping a database waits for a checkpoint, which a busy disk (the whole suite writing) can hold past Npgsql's
        // default 30 s: it failed so once on a fresh clone's run.
        await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection) { CommandTimeout = 300 };
        await drop.ExecuteNonQueryAsync();
    }
}
