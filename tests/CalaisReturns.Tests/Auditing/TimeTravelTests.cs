using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;

namespace CalaisReturns.Tests.Auditing;

/// <summary>Events recorded at controlled instants; each as-of answer checked exactly.</summary>
public class TimeTravelTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor Auditor = Actors.Of(Role.Auditor, State.FR);
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly DateTimeOffset T0 = AppFixture.Start;
    private static string At(int day) => Uri.EscapeDataString(T0.AddDays(day).AddHours(1).ToString("O"));

    private async Task<(Guid Flight, Guid Person)> History()
    {
        // Day 0: planned for 28 July and booked.
        var flight = await App.PlannedFlight(Api.Plan(departure: new DateTimeOffset(2026, 7, 28, 6, 0, 0, TimeSpan.Zero)));
        await App.Post($"/api/flights/{flight}/charter", Api.Charter());

        // Day 1: seats, a confirmed returnee, the split, the rate and the UK's charter cost.
        App.Clock.Now = T0.AddDays(1);
        await App.Post($"/api/flights/{flight}/seat-allocation",
            new { allocations = new[] { new { state = "UK", seats = 6 }, new { state = "FR", seats = 4 } } });
        var person = await App.OpenCase();
        await App.AndPolicies(() => App.Manifest(flight, person));
        await App.AgreedSplitAndRate(flight, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        var charter = await App.UkCharterCost(flight, 10_000m);

        // Day 2: France's hotel bill (EUR 1,165.40 = GBP 1,000.00); the returnee is withdrawn.
        App.Clock.Now = T0.AddDays(2);
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Accommodation", description = "Hotel", amount = new { amount = 1_165.40m, currency = "EUR" },
            invoiceReference = "H-1",
        }, actor: Actors.Of(Role.Finance, State.FR));
        await App.AndPolicies(() => App.Post($"/api/flights/{flight}/manifest/withdrawal", new { caseId = person, reason = "Medical" }));

        // Day 3: moved to October (out of Q3). Day 4: the charter corrected to GBP 9,000.
        App.Clock.Now = T0.AddDays(3);
        await App.Post($"/api/flights/{flight}/reschedule",
            new { newDeparture = new DateTimeOffset(2026, 10, 6, 6, 0, 0, TimeSpan.Zero), reason = "Slot" });
        App.Clock.Now = T0.AddDays(4);
        await App.Post($"/api/flights/{flight}/costs/{charter}/correction",
            new { newAmount = new { amount = 9_000m, currency = "GBP" }, reason = "Credit note" }, actor: UkFinance);
        await App.ProjectionsCaughtUp();
        return (flight, person);
    }

    [Fact]
    public async Task A_flight_and_its_manifest_as_they_stood()
    {
        var (flight, person) = await History();

        var day0 = await App.GetJson<FlightSchedule>($"/api/flights/{flight}?asOf={At(0)}", Auditor);
        Assert.Equal((FlightStatus.Booked, 2, 0), (day0.Status, day0.Version, day0.For(State.UK).SeatsAllocated));
        Assert.Equal(FlightStatus.Planned, (await App.GetJson<FlightSchedule>($"/api/flights/{flight}?version=1", Auditor)).Status);
        Assert.Equal(new DateTimeOffset(2026, 7, 28, 6, 0, 0, TimeSpan.Zero),
            (await App.GetJson<FlightSchedule>($"/api/flights/{flight}?asOf={At(2)}", Auditor)).ScheduledDeparture);
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 6, 0, 0, TimeSpan.Zero),
            (await App.GetJson<FlightSchedule>($"/api/flights/{flight}", Auditor)).ScheduledDeparture);

        var manifestDay1 = await App.GetJson<ManifestView>($"/api/flights/{flight}/manifest?asOf={At(1)}", Auditor);
        Assert.Equal((person, ManifestLineStatus.Confirmed), (manifestDay1.Lines.Single().CaseId, manifestDay1.Lines.Single().Status));
        Assert.Equal(ManifestLineStatus.Withdrawn,
            (await App.GetJson<ManifestView>($"/api/flights/{flight}/manifest", Auditor)).Lines.Single().Status);
        await App.Get($"/api/flights/{flight}?asOf={At(-30)}", 404, Auditor);
        await App.Get($"/api/flights/{flight}?asOf={At(1)}&version=2", 400, Auditor);
    }

    [Fact]
    public async Task A_cost_share_and_a_quarter_report_as_they_stood()
    {
        var (flight, _) = await History();

        decimal? SharedAt(FlightCostShare share) => share.Figures.Totals?.SharedTotal;
        Assert.Null(SharedAt(await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share?asOf={At(0)}", Auditor)));
        Assert.Equal(10_000m, SharedAt(await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share?asOf={At(1)}", Auditor)));
        Assert.Equal(11_000m, SharedAt(await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share?asOf={At(2)}", Auditor)));
        Assert.Equal(10_000m, SharedAt(await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", Auditor)));

        var q3Day2 = await App.GetJson<CostShareReport>($"/api/reports/cost-share?period=2026-Q3&asOf={At(2)}", Auditor);
        Assert.Equal((1, 11_000m, 6_600m), (q3Day2.Flights, q3Day2.Currencies.Single().SharedTotal,
            q3Day2.Currencies.Single().States[0].Share));
        Assert.Equal(0, (await App.GetJson<CostShareReport>($"/api/reports/cost-share?period=2026-Q3&asOf={At(3)}", Auditor)).Flights);
        Assert.Equal(0, (await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026-Q3", Auditor)).Flights);
        Assert.Equal(0, (await App.GetJson<CostShareReport>($"/api/reports/cost-share?period=2026-Q4&asOf={At(2)}", Auditor)).Flights);

        // The as-of replay at the present equals the live (async) report, to the JSON.
        var live = (await App.Get("/api/reports/cost-share?period=2026", actor: Auditor)).ReadAsText();
        var replayed = (await App.Get($"/api/reports/cost-share?period=2026&asOf={At(5)}", actor: Auditor)).ReadAsText();
        Assert.Equal(live, replayed);
    }

    [Fact]
    public async Task Report_entries_that_predate_their_months_column_still_give_the_as_of_report_its_flights()
    {
        // Given the history, with the report entries as a database upgraded from before the column left them
        var (flight, _) = await History();
        var q3Day2 = (await App.Get($"/api/reports/cost-share?period=2026-Q3&asOf={At(2)}", actor: Auditor)).ReadAsText();
        await using (var connection = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            // The column held every month the departure has been in: July, then October after the reschedule.
            await using (var read = new Npgsql.NpgsqlCommand($"select months from {App.Schema}.mt_doc_costsharereportentry", connection))
            {
                Assert.Equal(["2026-07", "2026-10"], (string[])(await read.ExecuteScalarAsync())!);
            }

            await using var clear = new Npgsql.NpgsqlCommand($"update {App.Schema}.mt_doc_costsharereportentry set months = null", connection);
            Assert.Equal(1, await clear.ExecuteNonQueryAsync());
        }

        // Then the report as it stood finds the flight through its planning events instead, and is the same
        Assert.Equal(q3Day2, (await App.Get($"/api/reports/cost-share?period=2026-Q3&asOf={At(2)}", actor: Auditor)).ReadAsText());
        Assert.Contains(flight.ToString(), q3Day2);
    }

    [Fact]
    public async Task History_is_filtered_by_time_and_type_paged_and_never_shows_personal_data()
    {
        var (flight, person) = await History();

        var all = await App.GetJson<JsonObject>($"/api/flights/{flight}/history", Auditor);
        var total = all["total"]!.GetValue<int>();
        Assert.Equal(total, all["events"]!.AsArray().Count);
        var day1 = await App.HistoryEvents($"/api/flights/{flight}/history?from={At(0)}&to={At(1)}", Auditor);
        Assert.All(day1, e => Assert.Equal(T0.AddDays(1), e!["timestamp"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(["cost_recorded", "cost_recorded", "cost_corrected"],
            (await App.HistoryEvents($"/api/flights/{flight}/history?type=cost_recorded,cost_corrected", Auditor))
            .Select(e => e!["type"]!.GetValue<string>()));
        var page2 = await App.GetJson<JsonObject>($"/api/flights/{flight}/history?page=2&pageSize=3", Auditor);
        Assert.Equal((2, 3, total), (page2["page"]!.GetValue<int>(), page2["pageSize"]!.GetValue<int>(), page2["total"]!.GetValue<int>()));
        Assert.Equal(4, page2["events"]!.AsArray()[0]!["version"]!.GetValue<int>());
        await App.Get($"/api/flights/{flight}/history?pageSize=501", 400, Auditor);

        foreach (var reader in new[] { Auditor, Actors.UkPlanner })
        {
            var caseHistory = await App.HistoryEvents($"/api/cases/{person}/history", reader);
            var opened = caseHistory[0]!["data"]!.AsObject();
            Assert.Equal("AL", opened["nationality"]!.GetValue<string>());
            Assert.Null(opened["fullName"]);
            Assert.Null(opened["dateOfBirth"]);
            Assert.DoesNotContain("Test Person", caseHistory.ToJsonString());
        }

        await App.Get($"/api/cases/{person}/history", 403, Actors.FrPlanner);
    }
}
