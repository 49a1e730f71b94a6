using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CalaisReturns.Tests.Auditing;

/// <summary>
/// A store sealed the old way (a SHA-256 chain per stream, written after the fact) is sealed the new way once: every
/// event its old chain vouches for, and no other.
/// </summary>
public class LegacySealsTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.UK);

    private async Task Sql(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", App.Schema), connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Makes the store as the old release left it: no new seals, no salts, erasure marked by its instant, and old chains.</summary>
    private async Task MakeLegacy(params (Guid Stream, string? ErasedName)[] streams)
    {
        await Sql("""
            update {schema}.mt_events set headers = headers - 'seal' - 'personal-digest';
            update {schema}.mt_events set headers = headers || '{"personal-data-erased": "2026-07-01T09:00:00.0000000+00:00"}'
              where headers ? 'personal-data-erased';
            delete from {schema}.mt_doc_personalsalt;
            create table {schema}.mt_doc_streamseals (id uuid primary key, data jsonb not null);
            """);
        await using var session = App.Store.QuerySession();
        foreach (var (stream, erasedName) in streams)
        {
            var events = await session.Events.FetchStreamAsync(stream);
            var previous = Seals.Genesis;
            var links = new List<LegacySeals.Link>();
            foreach (var e in events)
            {
                var personal = Seals.ErasedBy(e) is not null
                    ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{erasedName}|1990-04-12")))
                    : LegacySeals.OldDigest(e.Data);
                links.Add(new LegacySeals.Link(e.Version, previous = LegacySeals.OldHash(e, previous, personal), personal));
            }

            await Sql("insert into {schema}.mt_doc_streamseals (id, data) values (@id, @data::jsonb)", ("id", stream),
                ("data", JsonSerializer.Serialize(new LegacySeals.Chain(stream, links))));
        }
    }

    [Fact]
    public async Task Events_the_old_chains_vouch_for_are_sealed_and_an_event_changed_since_is_left_for_verification_to_name()
    {
        var flight = await App.BookedFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        var open = await App.OpenCase(name: "Open Person");
        var erased = await App.OpenCase(name: "Gone Person");
        await App.Post($"/api/cases/{erased}/closure", new { reason = "Released" });
        await App.AndPolicies(() => App.Post($"/api/cases/{erased}/erasure", new { }));
        await MakeLegacy((flight, null), (open, null), (erased, "Gone Person"));
        // Changed after the old subscription sealed it.
        await Sql("update {schema}.mt_events set data = jsonb_set(data, '{Organisation}', '\"Forged Ltd\"') where stream_id = @s and version = 3",
            ("s", flight));
        var before = await App.GetJson<VerificationResult>("/api/audit/verify?full=true", Auditor);
        Assert.Equal(3, before.Broken.Count(b => b.Kind == BreakKind.Unsealed));

        var outcome = await LegacySeals.MigrateAsync(App.Store, App.Host.Services.GetRequiredService<Sealer>(), default);

        Assert.Equal((3, 2 + 2 + 4, 1), (outcome.Streams, outcome.Sealed, outcome.LeftUnsealed));
        var after = await App.GetJson<VerificationResult>("/api/audit/verify?full=true", Auditor);
        Assert.Equal(new BrokenStream(flight, 3, BreakKind.Unsealed, "monitor_assigned"), Assert.Single(after.Broken));
        // The open case's personal data is sealed again under a fresh salt; the erased one names its erasure.
        await using var session = App.Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<PersonalSalt>(open));
        Assert.Equal("4", Seals.ErasedBy((await session.Events.FetchStreamAsync(erased))[0]));
        // Run twice, it changes nothing.
        Assert.Equal(0, (await LegacySeals.MigrateAsync(App.Store, App.Host.Services.GetRequiredService<Sealer>(), default)).Sealed);
    }
}
