using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Npgsql;

namespace CalaisReturns.Tests.Auditing;

public class CheckpointAndExportTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.FR);

    private async Task<Guid> SealedFlight()
    {
        var flight = await App.BookedFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        await App.ProjectionsCaughtUp();
        return flight;
    }

    [Fact]
    public async Task A_checkpoint_is_signed_and_verifiable_with_the_public_key_alone()
    {
        var flight = await SealedFlight();
        var checkpoint = await App.GetJson<SignedCheckpoint>("/api/audit/checkpoint", Auditor);

        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(checkpoint.PublicKey);
        bool Verifies(string payload) => publicKey.VerifyData(Encoding.UTF8.GetBytes(payload),
            Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        Assert.True(Verifies(checkpoint.Payload));
        Assert.False(Verifies(checkpoint.Payload.Replace("\"version\":3", "\"version\":4")));

        var heads = JsonSerializer.Deserialize<CheckpointPayload>(checkpoint.Payload, JsonSerializerOptions.Web)!.Heads;
        Assert.Equal((flight, 3L), (heads.Single().Stream, heads.Single().Version));
        await App.Get("/api/audit/checkpoint", 403, Actors.Of(Role.Finance, State.UK));
    }

    [Fact]
    public async Task The_audit_export_is_verifiable_offline_and_ends_at_the_checkpointed_head()
    {
        var flight = await SealedFlight();
        var export = await App.Get($"/api/audit/flights/{flight}/export", actor: Auditor);
        Assert.Equal("application/jsonl", export.Context.Response.ContentType);
        var lines = export.ReadAsText().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);

        // The documented offline procedure, by an auditor holding the seal key: HMAC-SHA-256(key, payload) = hash, and
        // each payload names the hash before it. Without the key no one can make a line that passes.
        var key = Convert.FromBase64String(CalaisReturns.Auditing.Sealing.Sealer.DevelopmentKey);
        var previous = new string('0', 64);
        foreach (var line in lines)
        {
            var payload = line["payload"]!.GetValue<string>();
            Assert.Equal(line["hash"]!.GetValue<string>(), Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload))));
            Assert.NotEqual(line["hash"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload))));
            Assert.Equal(previous, JsonNode.Parse(payload)!["previous"]!.GetValue<string>());
            Assert.True(line["sealed"]!.GetValue<bool>());
            previous = line["hash"]!.GetValue<string>();
        }

        var checkpoint = await App.GetJson<SignedCheckpoint>("/api/audit/checkpoint", Auditor);
        Assert.Equal(previous, JsonSerializer.Deserialize<CheckpointPayload>(checkpoint.Payload, JsonSerializerOptions.Web)!
            .Heads.Single().Hash);
        Assert.Contains("\"user\":\"uk.planner\"", lines[0]["payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_audit_verify_command_exits_0_when_intact_and_1_after_tampering()
    {
        var flight = await SealedFlight();
        Assert.Equal(0, await RunVerifyCommand());

        await using (var connection = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                $"update {App.Schema}.mt_events set data = jsonb_set(data, '{{Organisation}}', '\"X\"') where stream_id = @s and version = 3",
                connection);
            tamper.Parameters.AddWithValue("s", flight);
            await tamper.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await RunVerifyCommand());
    }

    private async Task<int> RunVerifyCommand()
    {
        var (exitCode, output) = await AppProcess.Run(App, "audit-verify");
        Assert.Contains(exitCode == 0 ? "Intact" : "BROKEN", output);
        return exitCode;
    }
}
