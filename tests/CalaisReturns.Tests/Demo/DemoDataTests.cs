using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Demo;
using CalaisReturns.Finance;
using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace CalaisReturns.Tests.Demo;

public class DemoDataTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Seeding_twice_adds_the_demo_flights_cases_and_manifest_once()
    {
        var seed = new DemoData(App.Store, App.Clock, new ManifestRules(), NullLogger<DemoData>.Instance);
        await seed.StartAsync(CancellationToken.None);
        var events = await App.EventCount();
        await seed.StartAsync(CancellationToken.None);
        Assert.Equal(events, await App.EventCount());

        var schedule = await App.GetJson<List<FlightSchedule>>("/api/schedule");
        Assert.Equal([FlightStatus.Cancelled, FlightStatus.Booked, FlightStatus.Booked, FlightStatus.Planned, FlightStatus.Booked],
            schedule.Select(f => f.Status));
        var albania = schedule.First(f => f.CountryOfReturn == "AL");
        // The last demo flight picks up French returnees at Lille on its way to Tirana; France paid its handling there.
        var viaLille = schedule[^1];
        Assert.Equal(["STN", "LIL", "TIA"], viaLille.Stops.Select(s => s.Airport));
        Assert.Equal([StopKind.Departure, StopKind.PickUp, StopKind.DropOff], viaLille.Stops.Select(s => s.Kind));
        Assert.Equal((1, 1, 1), (albania.For(State.UK).Confirmed, albania.For(State.UK).Reserves, albania.For(State.FR).Confirmed));
        Assert.Empty(albania.Warnings);
        Assert.Equal(3, (await App.GetJson<List<CaseSummary>>("/api/cases", Actors.Of(Role.Auditor, State.UK))).Count);
        Assert.Contains((await App.GetJson<ManifestView>($"/api/flights/{albania.Id}/manifest")).Lines,
            l => l.FullName == "Arben Demo");

        // The Pristina flight's named teams, and the UK escort whose restraint training lapses before it leaves.
        var kosovo = await App.GetJson<FlightSchedule>($"/api/flights/{schedule.First(f => f.CountryOfReturn == "XK").Id}");
        Assert.Equal((1, 1, 1), (kosovo.For(State.FR).Escorts, kosovo.For(State.FR).Medics, kosovo.For(State.UK).Escorts));
        Assert.Contains(kosovo.Warnings, w => w.Contains("HO-ESC-5102") && w.Contains("restraint training"));
        Assert.Equal(["PAF-77120", "PAF-81044"], (await App.GetJson<List<CalaisReturns.Accountability.Officers.Officer>>("/api/officers",
            Actors.FrPlanner)).Select(o => o.StaffNumber));

        var finance = Actors.Of(Role.Finance, State.UK);
        var share = await App.GetJson<FlightCostShare>($"/api/flights/{albania.Id}/cost-share", finance);
        Assert.Equal((CostShareStatus.Open, State.FR, 82_450.66m),
            (share.Figures.Status, share.Figures.Totals!.Debtor, share.Figures.Totals.Outstanding));
        await App.ProjectionsCaughtUp();
        var report = await App.GetJson<CostShareReport>("/api/reports/cost-share?period=2026-07", finance);
        Assert.Equal(184_034.67m, report.Currencies.Single().SharedTotal);
        var lilleCost = (await App.GetJson<FlightCostShare>($"/api/flights/{viaLille.Id}/cost-share", finance)).Facts.Lines.Single();
        Assert.Equal(viaLille.Stops[1].StopId, lilleCost.StopId);
    }
}
