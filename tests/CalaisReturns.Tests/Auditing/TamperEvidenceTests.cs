using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Npgsql;

namespace CalaisReturns.Tests.Auditing;

/// <summary>Stored events changed behind the application's back are detected and named.</summary>
public class TamperEvidenceTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.UK);

    private async Task<Guid> SealedFlight()
    {
        var flight = await App.BookedFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        await App.Post($"/api/flights/{flight}/reschedule", new { newDeparture = Api.Departure.AddDays(1), reason = "Slot" });
        await App.ProjectionsCaughtUp();
        return flight;
    }

    private async Task Tamper(string sql, Guid flight)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", App.Schema), connection);
        command.Parameters.AddWithValue("stream", flight);
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    private Task<VerificationResult> Verify() => App.GetJson<VerificationResult>("/api/audit/verify", Auditor);

    [Fact]
    public async Task An_untouched_history_verifies_and_only_auditors_and_admins_may_ask()
    {
        await SealedFlight();
        var result = await Verify();
        Assert.True(result.Intact);
        Assert.Equal((1, 4, 0), (result.Streams, result.EventsVerified, result.EventsNotYetSealed));
        await App.Get("/api/audit/verify", 403, Actors.UkPlanner);
        await App.Get("/api/audit/verify", actor: Actors.Of(Role.Admin, State.FR));
    }

    [Fact]
    public async Task An_edited_event_is_detected_and_named()
    {
        var flight = await SealedFlight();
        await Tamper("update {schema}.mt_events set data = jsonb_set(data, '{Organisation}', '\"Forged Ltd\"') "
            + "where stream_id = @stream and version = 3", flight);
        Assert.Equal(new BrokenLink(flight, 3, "Event 3 (monitor_assigned) differs from what was sealed."), (await Verify()).FirstBroken);
    }

    [Fact]
    public async Task An_edited_timestamp_or_user_is_detected()
    {
        var flight = await SealedFlight();
        await Tamper("update {schema}.mt_events set user_name = 'someone.else' where stream_id = @stream and version = 2", flight);
        Assert.Equal((flight, 2L), ((await Verify()).FirstBroken!.StreamId, (await Verify()).FirstBroken!.Version));
    }

    [Fact]
    public async Task A_deleted_event_is_detected_and_named()
    {
        var flight = await SealedFlight();
        await Tamper("delete from {schema}.mt_events where stream_id = @stream and version = 2", flight);
        Assert.Equal(new BrokenLink(flight, 2, "Event 2 is missing from the stream."), (await Verify()).FirstBroken);
    }

    [Fact]
    public async Task Two_swapped_events_are_detected_at_the_first_of_them()
    {
        var flight = await SealedFlight();
        await Tamper("""
            update {schema}.mt_events e set type = x.type, data = x.data, mt_dotnet_type = x.mt_dotnet_type
            from (select a.seq_id as target, b.type, b.data, b.mt_dotnet_type
                  from {schema}.mt_events a join {schema}.mt_events b on a.stream_id = b.stream_id
                  where a.stream_id = @stream and ((a.version = 3 and b.version = 4) or (a.version = 4 and b.version = 3))) x
            where e.seq_id = x.target
            """, flight);
        var broken = (await Verify()).FirstBroken!;
        Assert.Equal((flight, 3L), (broken.StreamId, broken.Version));
    }

    [Fact]
    public async Task Erasing_personal_data_keeps_the_chain_intact()
    {
        var person = await App.OpenCase();
        await App.Post($"/api/cases/{person}/closure", new { reason = "Released" });
        await App.ProjectionsCaughtUp();
        await App.AndPolicies(() => App.Post($"/api/cases/{person}/erasure", new { }));
        await App.ProjectionsCaughtUp();

        var result = await Verify();
        Assert.True(result.Intact, result.FirstBroken?.Problem);
        Assert.Equal(4, result.EventsVerified);
    }
}
