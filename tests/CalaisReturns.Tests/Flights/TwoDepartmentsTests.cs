using System.Net;
using System.Net.Http.Json;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights.Scheduling;
using Marten;

namespace CalaisReturns.Tests.Flights;

/// <summary>
/// Planners and finance officers of both states work on one flight at the same time: each sends the
/// version they were shown, and only a change that bears on their own decision makes it stale.
/// </summary>
public class TwoDepartmentsTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    private async Task<long> FlightVersion(Guid flight) => (await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).Version;

    private async Task<long> FinanceVersion(Guid flight) =>
        (await App.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", UkFinance)).Version;

    private static object Reschedule(long expectedVersion) =>
        new { newDeparture = Api.Departure.AddDays(1), reason = "Crew rest", expectedVersion };

    [Fact]
    public async Task The_version_a_flight_shows_after_a_finance_change_is_the_one_a_reschedule_accepts()
    {
        var flight = await App.BookedFlight();
        await App.UkCharterCost(flight, 174_468.00m);

        var shown = await FlightVersion(flight);
        var accepted = (await App.Post($"/api/flights/{flight}/reschedule", Reschedule(shown))).ReadAsJson<Accepted>()!;

        Assert.Equal(accepted.Version, await FlightVersion(flight));
    }

    [Fact]
    public async Task A_planner_acting_on_what_they_read_before_finance_recorded_costs_and_agreed_a_split_succeeds()
    {
        var flight = await App.ReadyFlight();
        var read = await FlightVersion(flight);

        await App.UkCharterCost(flight, 174_468.00m);
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Accommodation", description = "Hotel", amount = new { amount = 12_300.00m, currency = "EUR" },
            invoiceReference = "H-1",
        }, actor: FrFinance);
        await App.AgreedSplitAndRate(flight, new
        {
            basis = "FixedRatio", settlementCurrency = "GBP",
            ratios = new[] { new { state = "UK", percent = 50 }, new { state = "FR", percent = 50 } },
        });

        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB", expectedVersion = read });
        Assert.Equal("IMB", (await App.GetJson<FlightSchedule>($"/api/flights/{flight}")).MonitorOrganisation);
    }

    [Fact]
    public async Task A_finance_officer_is_stale_only_after_a_planner_change_that_bears_on_the_figures()
    {
        var flight = await App.ReadyFlight();
        var read = await FinanceVersion(flight);

        // Staff, monitor and a new departure bear on no finance decision.
        await App.Post($"/api/flights/{flight}/escort-team", new { state = "UK", escorts = 4, medics = 1, interpreters = 1 });
        await App.Post($"/api/flights/{flight}/monitor", new { organisation = "IMB" });
        await App.Post($"/api/flights/{flight}/reschedule", Reschedule(await FlightVersion(flight)));
        var recorded = await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "Charter", amount = new { amount = 1_000.00m, currency = "GBP" },
            invoiceReference = "TA-1", expectedVersion = read,
        }, actor: UkFinance);
        var afterCost = recorded.ReadAsJson<Accepted>()!.Version;
        Assert.Equal(afterCost, await FinanceVersion(flight));

        // Seats decide a per-seat split: a new allocation makes the officer's version stale.
        await App.Post($"/api/flights/{flight}/seat-allocation", new
        {
            allocations = new[] { new { state = "UK", seats = 12 }, new { state = "FR", seats = 8 } },
        });
        var stale = await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "Charter", amount = new { amount = 1_000.00m, currency = "GBP" },
            invoiceReference = "TA-2", expectedVersion = afterCost,
        }, 412, UkFinance);
        Assert.Contains("Reload", stale.Problem()["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_planners_racing_with_the_same_version_one_wins_the_other_gets_412_and_one_event_is_written()
    {
        var flight = await App.BookedFlight();
        var read = await FlightVersion(flight);
        await using var before = App.Store.QuerySession();
        var events = (await before.Events.FetchStreamAsync(flight)).Count;

        using var uk = App.Client(Actors.UkPlanner);
        using var colleague = App.Client(Actors.UkPlanner);
        var answers = await Task.WhenAll(
            uk.PostAsJsonAsync($"/api/flights/{flight}/reschedule", Reschedule(read), Api.Json),
            colleague.PostAsJsonAsync($"/api/flights/{flight}/reschedule",
                new { newDeparture = Api.Departure.AddDays(2), reason = "Slot", expectedVersion = read }, Api.Json));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        await using var after = App.Store.QuerySession();
        Assert.Equal(events + 1, (await after.Events.FetchStreamAsync(flight)).Count);
    }

    [Fact]
    public async Task A_planner_and_a_finance_officer_acting_at_the_same_instant_both_succeed()
    {
        var flight = await App.ReadyFlight();
        var (flightRead, financeRead) = (await FlightVersion(flight), await FinanceVersion(flight));

        using var planner = App.Client(Actors.UkPlanner);
        using var finance = App.Client(FrFinance);
        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(
                planner.PostAsJsonAsync($"/api/flights/{flight}/monitor",
                    new { organisation = $"Monitor {round}", expectedVersion = flightRead }, Api.Json),
                finance.PostAsJsonAsync($"/api/flights/{flight}/costs", new
                {
                    category = "Accommodation", description = "Hotel", amount = new { amount = 100.00m, currency = "EUR" },
                    invoiceReference = $"H-{round}", expectedVersion = financeRead,
                }, Api.Json));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            flightRead = (await answers[0].Content.ReadFromJsonAsync<Accepted>())!.Version;
            financeRead = (await answers[1].Content.ReadFromJsonAsync<Accepted>())!.Version;
        }

        Assert.Equal(flightRead, await FlightVersion(flight));
        Assert.Equal(financeRead, await FinanceVersion(flight));
    }
}
