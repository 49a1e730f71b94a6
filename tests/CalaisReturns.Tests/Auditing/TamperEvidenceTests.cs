using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Npgsql;

namespace CalaisReturns.Tests.Auditing;

/// <summary>
/// Stored events changed behind the application's back, by someone who can write to the database but does not hold
/// the seal key, are detected and named: every attack here is made with SQL against the real PostgreSQL.
/// </summary>
public class TamperEvidenceTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.UK);

    private async Task<Guid> SealedFlight()
    {
        var flight = await App.BookedFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        await App.Post($"/api/flights/{flight}/reschedule", new { newDeparture = Api.Departure.AddDays(1), reason = "Slot" });
        return flight;
    }

    private async Task Tamper(string sql, Guid stream)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", App.Schema), connection);
        command.Parameters.AddWithValue("stream", stream);
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    private Task<VerificationResult> Verify(bool full = false) =>
        App.GetJson<VerificationResult>($"/api/audit/verify{(full ? "?full=true" : "")}", Auditor);

    private async Task<BrokenStream> BrokenAt(Guid stream, bool full = false)
    {
        var result = await Verify(full);
        Assert.False(result.Intact);
        return Assert.Single(result.Broken, b => b.StreamId == stream);
    }

    [Fact]
    public async Task An_untouched_history_verifies_incrementally_and_only_auditors_and_admins_may_ask()
    {
        var flight = await SealedFlight();
        var first = await Verify();
        Assert.True(first.Intact);
        Assert.Equal((1, 4L), (first.Streams, first.EventsVerified));

        // A second call costs what was appended since: nothing, then the one new event.
        Assert.Equal(0, (await Verify()).EventsVerified);
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB 2" });
        var next = await Verify();
        Assert.Equal((true, false, 1L), (next.Intact, next.Full, next.EventsVerified));
        Assert.Equal((true, true, 5L), ((await Verify(full: true)).Intact, (await Verify(full: true)).Full, (await Verify(full: true)).EventsVerified));

        await App.Get("/api/audit/verify", 403, Actors.UkPlanner);
        await App.Get("/api/audit/verify", actor: Actors.Of(Role.Admin, State.FR));
    }

    [Fact]
    public async Task Events_appended_to_several_streams_in_one_commit_are_each_sealed_on_their_own_chain_and_a_blind_append_is_refused()
    {
        var (first, second) = (await SealedFlight(), await SealedFlight());
        await using (var session = App.Store.LightweightSession())
        {
            foreach (var flight in new[] { first, second })
            {
                (await session.Events.FetchForExclusiveWriting<CalaisReturns.Flights.Flight>(flight)).AppendOne(
                    new CalaisReturns.Flights.MonitorAssigned(flight, "Second monitor", AppFixture.Start));
            }

            await session.SaveChangesAsync();
        }

        var result = await Verify(full: true);
        Assert.True(result.Intact, string.Join("; ", result.Broken.Select(b => b.Problem)));
        Assert.Equal(10, result.EventsVerified);

        // An append that does not know the stream's version cannot be sealed onto it: refused, nothing stored.
        await using (var blind = App.Store.LightweightSession())
        {
            blind.Events.Append(first, new CalaisReturns.Flights.MonitorAssigned(first, "Blind", AppFixture.Start));
            await Assert.ThrowsAsync<InvalidOperationException>(() => blind.SaveChangesAsync());
        }

        Assert.Equal(10, await App.EventCount());
    }

    [Fact]
    public async Task Both_states_and_both_departments_writing_to_one_flight_at_once_leave_one_unbroken_chain()
    {
        var flight = await App.ReadyFlight();
        var writes = Enumerable.Range(0, 6).SelectMany(i => new Func<Task>[]
        {
            () => App.Post($"/api/flights/{flight}/monitor", new { organisation = $"IMB {i}" }),
            () => App.Post($"/api/flights/{flight}/escort-team", new { state = "FR", escorts = 2 + i, medics = 1, interpreters = 1 },
                actor: Actors.FrPlanner),
            () => App.Post($"/api/flights/{flight}/costs", new
            {
                category = "Charter", description = $"Invoice {i}", amount = new { amount = 100m + i, currency = "GBP" },
                invoiceReference = $"INV-{i}",
            }, actor: Actors.Of(Role.Finance, State.UK)),
        });
        await Task.WhenAll(writes.Select(w => w()));

        var result = await Verify(full: true);
        Assert.True(result.Intact, string.Join("; ", result.Broken.Select(b => b.Problem)));
        Assert.Equal(await App.EventCount(), result.EventsVerified);
    }

    [Fact]
    public async Task An_event_edited_the_moment_the_API_answered_is_detected_it_was_sealed_as_it_was_appended()
    {
        var flight = await App.BookedFlight();
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        // No wait: there is no window between storing an event and sealing it.
        await Tamper("update {schema}.mt_events set data = jsonb_set(data, '{Organisation}', '\"Forged Ltd\"') "
            + "where stream_id = @stream and version = 3", flight);
        Assert.Equal(new BrokenStream(flight, 3, BreakKind.Altered, "monitor_assigned"), await BrokenAt(flight));
    }

    [Fact]
    public async Task An_edited_timestamp_or_user_is_detected()
    {
        var flight = await SealedFlight();
        await Tamper("update {schema}.mt_events set user_name = 'someone.else' where stream_id = @stream and version = 2", flight);
        Assert.Equal((2L, BreakKind.Altered), ((await BrokenAt(flight)).Version, (await BrokenAt(flight, full: true)).Kind));
    }

    [Fact]
    public async Task A_row_inserted_straight_into_the_events_table_is_detected_even_with_a_copied_seal()
    {
        var flight = await SealedFlight();
        await Verify();
        // A forged monitor_assigned under a real user's name, first with a seal copied from a genuine event...
        await Tamper("""
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                headers, user_name, correlation_id, causation_id, is_archived)
            select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), stream_id, 5,
                   jsonb_set(data, '{Organisation}', '"Forged Ltd"'), type, now(), tenant_id, mt_dotnet_type, headers, user_name,
                   correlation_id, causation_id, is_archived
            from {schema}.mt_events where stream_id = @stream and version = 3;
            update {schema}.mt_streams set version = 5 where id = @stream;
            """, flight);
        Assert.Equal(new BrokenStream(flight, 5, BreakKind.Altered, "monitor_assigned"), await BrokenAt(flight));

        // ...then without any: it was not stored by the application.
        await Tamper("update {schema}.mt_events set headers = headers - 'seal' where stream_id = @stream and version = 5", flight);
        Assert.Equal(new BrokenStream(flight, 5, BreakKind.Unsealed, "monitor_assigned"), await BrokenAt(flight, full: true));
    }

    [Fact]
    public async Task A_deleted_event_is_detected_and_named()
    {
        var flight = await SealedFlight();
        await Tamper("delete from {schema}.mt_events where stream_id = @stream and version = 2", flight);
        var broken = await BrokenAt(flight);
        Assert.Equal(new BrokenStream(flight, 2, BreakKind.Missing), broken);
        Assert.Equal("Event 2 is missing from the stream.", broken.Problem);
    }

    [Fact]
    public async Task Two_swapped_events_are_reported_as_reordered()
    {
        var flight = await SealedFlight();
        await Tamper("""
            update {schema}.mt_events e set type = x.type, data = x.data, mt_dotnet_type = x.mt_dotnet_type
            from (select a.seq_id as target, b.type, b.data, b.mt_dotnet_type
                  from {schema}.mt_events a join {schema}.mt_events b on a.stream_id = b.stream_id
                  where a.stream_id = @stream and ((a.version = 3 and b.version = 4) or (a.version = 4 and b.version = 3))) x
            where e.seq_id = x.target
            """, flight);
        var broken = await BrokenAt(flight);
        Assert.Equal((3L, BreakKind.Reordered, 4L), (broken.Version, broken.Kind, broken.Other));
        Assert.Equal("Events 3 and 4 are reordered: each stands in the other's place.", broken.Problem);
    }

    [Fact]
    public async Task A_stream_deleted_whole_or_cut_short_after_it_was_verified_is_detected_and_every_broken_stream_is_named()
    {
        var deleted = await SealedFlight();
        var shortened = await SealedFlight();
        var edited = await SealedFlight();
        Assert.True((await Verify()).Intact);

        await Tamper("delete from {schema}.mt_events where stream_id = @stream; delete from {schema}.mt_streams where id = @stream", deleted);
        await Tamper("delete from {schema}.mt_events where stream_id = @stream and version = 4; "
            + "update {schema}.mt_streams set version = 3 where id = @stream", shortened);
        await Tamper("update {schema}.mt_events set data = jsonb_set(data, '{Organisation}', '\"Forged Ltd\"') "
            + "where stream_id = @stream and version = 3", edited);

        // Incremental: the edit to an event verified before is for the full run; the missing heads are seen at once.
        var result = await Verify();
        Assert.Equal([BreakKind.Truncated, BreakKind.Deleted], result.Broken.OrderBy(b => b.Kind).Select(b => b.Kind));
        var full = await Verify(full: true);
        Assert.Equal(3, full.Broken.Count);
        Assert.Equal(new BrokenStream(deleted, 1, BreakKind.Deleted, Other: 4), full.Broken.Single(b => b.StreamId == deleted));
        Assert.Equal(new BrokenStream(shortened, 4, BreakKind.Truncated, Other: 4), full.Broken.Single(b => b.StreamId == shortened));
        Assert.Equal(BreakKind.Altered, full.Broken.Single(b => b.StreamId == edited).Kind);
    }

    [Fact]
    public async Task A_stream_deleted_whole_is_detected_against_the_last_signed_checkpoint()
    {
        var flight = await SealedFlight();
        await App.Get("/api/audit/checkpoint", actor: Auditor);
        await Tamper("delete from {schema}.mt_events where stream_id = @stream; delete from {schema}.mt_streams where id = @stream", flight);
        // Verification never saw the stream: the checkpoint alone remembers it.
        Assert.Equal(BreakKind.Deleted, (await BrokenAt(flight)).Kind);
    }

    [Fact]
    public async Task A_verification_mark_moved_on_by_hand_is_ignored_and_the_next_run_walks_everything()
    {
        var flight = await SealedFlight();
        await Verify();
        await Tamper("update {schema}.mt_events set data = jsonb_set(data, '{Organisation}', '\"Forged Ltd\"') "
            + "where stream_id = @stream and version = 3", flight);
        await Tamper("update {schema}.mt_doc_verificationmark set data = jsonb_set(data, '{Sequence}', '0') "
            + "where id is not null and @stream is not null", flight);
        var result = await Verify();
        Assert.True(result.Full);
        Assert.Equal(BreakKind.Altered, Assert.Single(result.Broken).Kind);
    }

    [Fact]
    public async Task Erasing_personal_data_keeps_the_chain_intact_and_destroys_the_salt_of_its_digest()
    {
        var person = await App.OpenCase();
        await App.Post($"/api/cases/{person}/closure", new { reason = "Released" });
        Assert.True(await SaltExists(person));
        await App.AndPolicies(() => App.Post($"/api/cases/{person}/erasure", new { }));

        var result = await Verify(full: true);
        Assert.True(result.Intact, string.Join("; ", result.Broken.Select(b => b.Problem)));
        Assert.Equal(4, result.EventsVerified);
        Assert.False(await SaltExists(person));
        // The old row versions holding the name were vacuumed away.
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var vacuumed = new NpgsqlCommand(
            "select last_vacuum is not null from pg_stat_user_tables where schemaname = @schema and relname = 'mt_events'", connection);
        vacuumed.Parameters.AddWithValue("schema", App.Schema);
        Assert.True((bool)(await vacuumed.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_erasure_mark_added_to_a_rewritten_case_without_an_erasure_is_detected()
    {
        var person = await App.OpenCase(name: "Real Person");
        await Tamper("""
            update {schema}.mt_events set data = data || '{"FullName": "Someone Else", "DateOfBirth": "1980-01-01"}',
                headers = headers || '{"personal-data-erased": "3"}'
            where stream_id = @stream and version = 1
            """, person);
        Assert.Equal(new BrokenStream(person, 1, BreakKind.ErasureUnexplained, "case_opened"), await BrokenAt(person, full: true));

        // Masking the fields the way an erasure does, without the erasure event, is no better.
        await Tamper("""
            update {schema}.mt_events set data = data || '{"FullName": null, "DateOfBirth": null}' where stream_id = @stream and version = 1
            """, person);
        Assert.Equal(BreakKind.ErasureUnexplained, (await BrokenAt(person, full: true)).Kind);
    }

    [Fact]
    public async Task A_rewritten_name_is_detected_and_so_is_a_salt_removed_without_an_erasure()
    {
        var renamed = await App.OpenCase(name: "Real Person");
        await Tamper("""update {schema}.mt_events set data = data || '{"FullName": "Someone Else"}' where stream_id = @stream and version = 1""",
            renamed);
        Assert.Equal(new BrokenStream(renamed, 1, BreakKind.Altered, "case_opened"), await BrokenAt(renamed));

        var unsalted = await App.OpenCase(name: "Other Person");
        await Tamper("delete from {schema}.mt_doc_personalsalt where id = @stream", unsalted);
        Assert.Equal(BreakKind.PersonalDataUnverifiable, (await BrokenAt(unsalted, full: true)).Kind);
    }

    private async Task<bool> SaltExists(Guid person)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {App.Schema}.mt_doc_personalsalt where id = @id", connection);
        command.Parameters.AddWithValue("id", person);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
