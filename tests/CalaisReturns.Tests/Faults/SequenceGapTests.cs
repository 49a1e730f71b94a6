using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Reporting;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// Appends that fail after taking a sequence number (concurrency losers, lost transactions) leave
/// gaps in the event sequence. The asynchronous month report must step over them and converge on
/// the replay, and a rebuild must equal what was built live.
/// </summary>
public sealed class SequenceGapTests(AppFixture app, ITestOutputHelper output) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);

    [Fact]
    public async Task The_month_report_converges_across_sequence_gaps_and_a_rebuild_equals_it()
    {
        var flight = await App.ReadyFlight();
        await App.AgreedSplitAndRate(flight, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        var conflicts = 0;
        for (var round = 0; round < 5; round++)
        {
            // Racing writers on one flight: the losers fail at commit, after their rows took sequence numbers.
            var racers = Enumerable.Range(0, 4).Select(async i =>
            {
                using var client = App.Client(UkFinance);
                using var response = await client.PostAsJsonAsync($"/api/flights/{flight}/costs", new
                {
                    category = "Charter", description = $"Round {round} racer {i}",
                    amount = new { amount = 100m + round * 10 + i, currency = "GBP" }, invoiceReference = $"INV-{round}-{i}",
                });
                return response.StatusCode;
            });
            conflicts += (await Task.WhenAll(racers)).Count(s => s == HttpStatusCode.Conflict);

            // A transaction lost after taking numbers, as a crashed append would.
            await using var lost = new NpgsqlCommand(
                $"select nextval('{App.Schema}.mt_events_sequence') from generate_series(1, 3)", connection);
            await lost.ExecuteNonQueryAsync();
        }

        await App.UkCharterCost(flight, 1234.56m);
        await using (var gaps = new NpgsqlCommand($"select max(seq_id) - count(*) from {App.Schema}.mt_events", connection))
        {
            Assert.True((long)(await gaps.ExecuteScalarAsync())! >= 15, "the scenario left no gaps");
        }

        var caughtUp = Stopwatch.StartNew();
        await App.ProjectionsCaughtUp();
        output.WriteLine($"{conflicts} racing writers lost; projections caught up {caughtUp.Elapsed.TotalSeconds:0.0} s after the last append");

        var period = Api.Departure.ToString("yyyy-MM");
        var live = (await App.Get($"/api/reports/cost-share?period={period}", actor: UkFinance)).ReadAsText();
        var replay = (await App.Get($"/api/reports/cost-share?period={period}&asOf={Uri.EscapeDataString(App.Clock.Now.AddDays(1).ToString("O"))}",
            actor: UkFinance)).ReadAsText();
        Assert.Equal(replay, live);
        var share = System.Text.Json.Nodes.JsonNode.Parse((await App.Get($"/api/flights/{flight}/cost-share", actor: UkFinance)).ReadAsText())!;
        var month = System.Text.Json.Nodes.JsonNode.Parse(live)!;
        Assert.Equal(share["figures"]!["totals"]!["sharedCosts"]!.GetValue<decimal>(),
            month["currencies"]![0]!["sharedCosts"]!.GetValue<decimal>());

        async Task<string> Months()
        {
            await using var session = App.Store.QuerySession();
            return System.Text.Json.JsonSerializer.Serialize(await session.Query<CostShareReportEntry>().OrderBy(m => m.Id).ToListAsync());
        }

        var built = await Months();
        var coordinator = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.DaemonForMainDatabase().RebuildProjectionAsync<CostShareReportEntryProjection>(CancellationToken.None);
        Assert.Equal(built, await Months());
    }
}
