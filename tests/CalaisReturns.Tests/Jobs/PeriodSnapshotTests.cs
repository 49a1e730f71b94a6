using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Jobs.PeriodSnapshots;
using Wolverine.Tracking;

namespace CalaisReturns.Tests.Jobs;

public class PeriodSnapshotTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);

    [Theory]
    [InlineData("2026-11-01T03:00:00Z", new[] { "2026-10" })]
    [InlineData("2026-10-01T03:00:00Z", new[] { "2026-09", "2026-Q3" })]
    [InlineData("2027-01-01T03:00:00Z", new[] { "2026-12", "2026-Q4", "2026" })]
    public void The_periods_that_just_ended(string now, string[] periods) =>
        Assert.Equal(periods, PeriodSnapshotHandler.JustEnded(DateTimeOffset.Parse(now)).Select(p => p.Name));

    [Fact]
    public async Task A_closing_report_is_stored_once_equal_to_its_replay_and_stays_as_issued()
    {
        var flight = await App.ReadyFlight();
        await App.AgreedSplitAndRate(flight, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        var line = await App.UkCharterCost(flight, 5_000m);
        await App.ProjectionsCaughtUp();

        App.Clock.Now = new DateTimeOffset(2026, 8, 1, 3, 0, 0, TimeSpan.Zero); // July has just ended
        await Host.InvokeMessageAndWaitAsync(new SnapshotClosedPeriods());
        await Host.InvokeMessageAndWaitAsync(new SnapshotClosedPeriods());

        var issued = await App.GetJson<PeriodSnapshot>("/api/reports/cost-share/snapshots/2026-07", UkFinance);
        Assert.True(issued.MatchesReplay);
        Assert.Equal((1, 5_000m), (issued.Report.Flights, issued.Report.Currencies.Single().SharedTotal));
        Assert.Equal(App.Clock.Now, issued.TakenAt);

        App.Clock.Advance(TimeSpan.FromDays(3));
        await App.Post($"/api/flights/{flight}/costs/{line}/correction",
            new { newAmount = new { amount = 4_000m, currency = "GBP" }, reason = "Credit note" }, actor: UkFinance);
        await App.ProjectionsCaughtUp();
        await Host.InvokeMessageAndWaitAsync(new SnapshotClosedPeriods());

        Assert.Equal(4_000m, (await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026-07", UkFinance))
            .Currencies.Single().SharedTotal);
        var still = (await App.Get("/api/reports/cost-share/snapshots/2026-07/csv", actor: UkFinance)).ReadAsText();
        Assert.Equal(issued.Csv, still);
        Assert.Contains("5000.00", still);
        await App.Get("/api/reports/cost-share/snapshots/2026-06", 404, UkFinance);
        await App.Get("/api/reports/cost-share/snapshots/2026-07", 403, Actors.UkPlanner);
    }
}
