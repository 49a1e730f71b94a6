using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using Npgsql;

namespace CalaisReturns.Tests.Flights.Policies;

/// <summary>The manifest policies end to end, waiting for Wolverine to handle every cascaded message.</summary>
public class ManifestPolicyTests(AppFixture app) : IntegrationTest(app)
{
    private Task<ManifestView> Manifest(Guid flightId) => App.GetJson<ManifestView>($"/api/flights/{flightId}/manifest");

    [Fact]
    public async Task A_barrier_raised_on_a_confirmed_returnee_withdraws_them_and_promotes_the_earliest_reserve_of_their_state()
    {
        var flight = await App.ReadyFlight(ukSeats: 2, frSeats: 2);
        var (confirmed, other) = (await App.OpenCase(), await App.OpenCase());
        var (frReserve, ukReserve, laterReserve) = (await App.OpenCase(State.FR), await App.OpenCase(), await App.OpenCase());
        await App.AndPolicies(async () =>
        {
            await App.Manifest(flight, confirmed);
            await App.Manifest(flight, other);
            await App.Manifest(flight, frReserve, State.FR, "Reserve");
            await App.Manifest(flight, ukReserve, status: "Reserve");
            return await App.Manifest(flight, laterReserve, status: "Reserve");
        });

        await App.AndPolicies(() => App.Post($"/api/cases/{confirmed}/barriers",
            new { kind = "JudicialReview", reference = "JR/2026/1234" }, correlationId: "barrier-request-1"));

        var lines = (await Manifest(flight)).Lines.ToDictionary(l => l.CaseId);
        Assert.Equal((ManifestLineStatus.Withdrawn, WithdrawalReason.Barrier),
            (lines[confirmed].Status, lines[confirmed].WithdrawalReason));
        Assert.Equal(ManifestLineStatus.Confirmed, lines[ukReserve].Status);
        Assert.Equal(ManifestLineStatus.Reserve, lines[laterReserve].Status);
        Assert.Equal(ManifestLineStatus.Reserve, lines[frReserve].Status);
        Assert.Null((await App.GetJson<CaseSummary>($"/api/cases/{confirmed}")).CurrentFlightId);

        var history = await App.HistoryEvents($"/api/flights/{flight}/history");
        var withdrawal = history.Single(e => e!["type"]!.GetValue<string>() == "returnee_withdrawn")!;
        Assert.Equal(("system:manifest-policy", "System"),
            (withdrawal["userId"]!.GetValue<string>(), withdrawal["role"]!.GetValue<string>()));

        // The withdrawal and the promotion the barrier caused stay in the barrier request's correlation, and name the
        // barrier as their cause: its case stream and version, its type and who raised it.
        var promotion = history.Single(e => e!["type"]!.GetValue<string>() == "reserve_confirmed")!;
        foreach (var caused in new[] { withdrawal, promotion })
        {
            Assert.Equal("barrier-request-1", caused["correlationId"]!.GetValue<string>());
            var cause = caused["causedBy"]!;
            Assert.Equal((confirmed, 3L, "barrier_raised", "Case", "UK Planner", "Planner", "UK"),
                (cause["streamId"]!.GetValue<Guid>(), cause["version"]!.GetValue<long>(), cause["type"]!.GetValue<string>(),
                    cause["subject"]!.GetValue<string>(), cause["userName"]!.GetValue<string>(), cause["role"]!.GetValue<string>(),
                    cause["state"]!.GetValue<string>()));
            Assert.StartsWith("REF-", cause["reference"]!.GetValue<string>());
        }

        using var _ = CultureScope.Of("en-GB");
        var entry = CalaisReturns.Core.History.HistoryEntry.From(
            (await App.Store.QuerySession().Events.FetchStreamAsync(flight)).Single(e => e.EventTypeName == "returnee_withdrawn"))
            with { CausedBy = new CalaisReturns.Core.History.CauseEntry(confirmed, 3, "barrier_raised", "Case", "REF-1", "Pat Example", "Planner", "UK") };
        Assert.Equal("caused by Barrier raised (case REF-1, v3) by Pat Example (Planner, UK)", CalaisReturns.Web.AuditEntry.CausedBy(entry));
    }

    [Fact]
    public async Task Policy_messages_are_stored_in_PostgreSQL_so_a_crash_cannot_lose_them()
    {
        var flight = await App.ReadyFlight();
        var person = await App.OpenCase();
        await App.AndPolicies(() => App.Manifest(flight, person));
        await App.AndPolicies(() => App.Post($"/api/cases/{person}/barriers", new { kind = "Other", reference = "R" }));

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var stored = new NpgsqlCommand(
            $"select distinct message_type from {App.Schema}.wolverine_incoming_envelopes", connection);
        var types = new List<string>();
        await using (var reader = await stored.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types.Add(reader.GetString(0));
            }
        }

        Assert.Contains(types, t => t.EndsWith("BarrierRaised"));
        Assert.Contains(typeof(CalaisReturns.Flights.Policies.WithdrawIneligibleReturnee).FullName, types);
        Assert.DoesNotContain(types, t => t.EndsWith("CaseOpened"));
    }

    [Fact]
    public async Task A_barrier_on_a_reserve_withdraws_it_without_promoting_anyone()
    {
        var flight = await App.ReadyFlight(ukSeats: 1);
        var (confirmed, reserve) = (await App.OpenCase(), await App.OpenCase());
        await App.AndPolicies(async () =>
        {
            await App.Manifest(flight, confirmed);
            return await App.Manifest(flight, reserve, status: "Reserve");
        });

        await App.AndPolicies(() => App.Post($"/api/cases/{reserve}/barriers",
            new { kind = "AsylumClaimPending", reference = "ASY-77" }));

        var schedule = await App.GetJson<FlightSchedule>($"/api/flights/{flight}");
        Assert.Equal((1, 0, 1), (schedule.For(State.UK).Confirmed, schedule.For(State.UK).Reserves,
            schedule.For(State.UK).Withdrawn));
    }

    [Fact]
    public async Task A_barrier_stored_while_a_reserve_is_confirmed_is_found_by_the_confirmations_own_check()
    {
        var flight = await App.ReadyFlight(ukSeats: 1);
        var reserve = await App.OpenCase();
        await App.AndPolicies(() => App.Manifest(flight, reserve, status: "Reserve"));
        // The barrier is stored without its own policy running, as when it commits while the confirmation reads the
        // case: only the check that handles the confirmation's event can still find it.
        await using (var session = App.Store.LightweightSession())
        {
            var stream = await session.Events.FetchForExclusiveWriting<CalaisReturns.Cases.ReturneeCase>(reserve);
            stream.AppendOne(new CalaisReturns.Cases.BarrierRaised(reserve, Guid.CreateVersion7(),
                CalaisReturns.Cases.BarrierKind.JudicialReview, "JR/2026/9", App.Clock.Now));
            await session.SaveChangesAsync();
        }

        await App.AndPolicies(() => App.Post($"/api/flights/{flight}/manifest/confirmation", new { caseId = reserve }));

        var line = Assert.Single((await Manifest(flight)).Lines);
        Assert.Equal((ManifestLineStatus.Withdrawn, WithdrawalReason.Barrier), (line.Status, line.WithdrawalReason));
    }

    [Fact]
    public async Task Closing_a_manifested_case_withdraws_it()
    {
        var flight = await App.ReadyFlight();
        var person = await App.OpenCase();
        await App.AndPolicies(() => App.Manifest(flight, person));

        await App.AndPolicies(() => App.Post($"/api/cases/{person}/closure", new { reason = "Released" }));

        var line = Assert.Single((await Manifest(flight)).Lines);
        Assert.Equal((ManifestLineStatus.Withdrawn, WithdrawalReason.CaseClosed), (line.Status, line.WithdrawalReason));
    }

    [Fact]
    public async Task Completing_a_flight_closes_the_handed_over_cases_as_removed_and_leaves_the_refused_open()
    {
        var flight = await App.ReadyFlight();
        var (handedOver, refused) = (await App.OpenCase(), await App.OpenCase());
        await App.AndPolicies(async () =>
        {
            await App.Manifest(flight, handedOver);
            return await App.Manifest(flight, refused);
        });
        App.Clock.Now = Api.Departure.AddHours(1);
        await App.Post($"/api/flights/{flight}/departure", new
        {
            actualDeparture = Api.Departure,
            returneesOnBoard = new[] { new { state = "UK", returnees = 2 } },
        });

        await App.AndPolicies(() => App.Post($"/api/flights/{flight}/completion", new
        {
            outcomes = new[] { new { state = "UK", handedOver = 1, refusedAdmission = new[] { refused } } },
        }));

        var removed = await App.GetJson<CaseSummary>($"/api/cases/{handedOver}");
        Assert.Equal((CalaisReturns.Cases.CaseStatus.Closed, CalaisReturns.Cases.CaseClosure.Removed),
            (removed.Status, removed.Closure));
        Assert.Equal(CalaisReturns.Cases.CaseStatus.Open, (await App.GetJson<CaseSummary>($"/api/cases/{refused}")).Status);
    }

    [Fact]
    public async Task A_cancelled_flights_returnees_are_free_to_be_manifested_on_another_flight()
    {
        var (cancelled, next) = (await App.ReadyFlight(), await App.ReadyFlight());
        var person = await App.OpenCase();
        await App.AndPolicies(() => App.Manifest(cancelled, person));
        var refused = (await App.Manifest(next, person, expect: 409)).Problem();
        Assert.Contains("another flight", refused["detail"]!.GetValue<string>());

        await App.AndPolicies(() => App.Post($"/api/flights/{cancelled}/cancellation", new { reason = "Strike" }));

        var line = Assert.Single((await Manifest(cancelled)).Lines);
        Assert.Equal(WithdrawalReason.FlightCancelled, line.WithdrawalReason);
        await App.AndPolicies(() => App.Manifest(next, person));
        Assert.Equal(next, (await App.GetJson<CaseSummary>($"/api/cases/{person}")).CurrentFlightId);
    }
}
