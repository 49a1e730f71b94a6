using System.Text.Json;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Demo;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CalaisReturns.Tests.Auditing;

public class RebuildTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<string> ReadModels()
    {
        await using var session = App.Store.QuerySession();
        return JsonSerializer.Serialize(new object[]
        {
            await session.Query<FlightSchedule>().OrderBy(d => d.Id).ToListAsync(),
            await session.Query<CaseSummary>().OrderBy(d => d.Id).ToListAsync(),
            await session.Query<FlightCostShare>().OrderBy(d => d.Id).ToListAsync(),
            await session.Query<CostShareReportEntry>().OrderBy(d => d.Id).ToListAsync(),
            await session.Query<CalaisReturns.Accountability.Officers.Officer>().OrderBy(d => d.Id).ToListAsync(),
            await session.Query<CalaisReturns.Finance.Budgets.Budget>().OrderBy(d => d.Id).ToListAsync(),
            await session.Query<CalaisReturns.Finance.Periods.PeriodClosure>().OrderBy(d => d.Id).ToListAsync(),
        });
    }

    /// <summary>
    /// The demo data (the first Albanian flight, a grant, the budgets), then policies, a reschedule into another month, a
    /// correction, June closed by both states and an erasure.
    /// </summary>
    private async Task LongMixedScenario()
    {
        await new DemoData(App.Store, App.Clock, new ManifestRules(), NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        var albania = (await App.GetJson<List<FlightSchedule>>("/api/schedule")).First(f => f.CountryOfReturn == "AL");
        var confirmed = albania.Manifest.First(l => l.State == State.UK && l.Status == ManifestLineStatus.Confirmed).CaseId;
        await App.AndPolicies(() => App.Post($"/api/cases/{confirmed}/barriers", new { kind = "JudicialReview", reference = "JR-9" }));
        await App.Post($"/api/flights/{albania.Id}/reschedule",
            new { newDeparture = albania.ScheduledDeparture.AddMonths(1), reason = "Slot moved" });
        var ukFinance = Actors.Of(Role.Finance, State.UK);
        var charter = (await App.GetJson<FlightCostShare>($"/api/flights/{albania.Id}/cost-share", ukFinance)).Facts.Lines[0].LineId;
        await App.Post($"/api/flights/{albania.Id}/costs/{charter}/correction",
            new { newAmount = new { amount = 170_000m, currency = "GBP" }, reason = "Credit note" }, actor: ukFinance);
        await App.Post("/api/periods/2026-06/closure", new { }, actor: ukFinance);
        await App.Post("/api/periods/2026-06/closure", new { }, actor: Actors.Of(Role.Finance, State.FR));
        await App.Post($"/api/cases/{confirmed}/closure", new { reason = "Released" });
        await App.AndPolicies(() => App.Post($"/api/cases/{confirmed}/erasure", new { }));
        await App.ProjectionsCaughtUp();
    }

    [Fact]
    public async Task Rebuilding_every_projection_from_the_command_line_reproduces_the_read_models_byte_for_byte()
    {
        await LongMixedScenario();
        var live = await ReadModels();

        var coordinator = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(AppFixture.ConnectionString))
            {
                await connection.OpenAsync();
                foreach (var table in (string[])["flightschedule", "casesummary", "flightcostshare", "costsharereportentry", "officer"])
                {
                    await using var wipe = new NpgsqlCommand($"delete from {App.Schema}.mt_doc_{table}", connection);
                    await wipe.ExecuteNonQueryAsync();
                }
            }

            var (exitCode, output) = await AppProcess.Run(App, "projections", "rebuild");
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        Assert.Equal(live, await ReadModels());
        // The barred returnee's case was erased: the rebuild, from masked events, must not bring the name back.
        Assert.DoesNotContain("Arben Demo", live);
        Assert.Contains("Besnik Example", live);
        Assert.Contains("Gareth Demo", live);
    }
}
