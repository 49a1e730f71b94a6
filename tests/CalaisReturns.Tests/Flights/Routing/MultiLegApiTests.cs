using System.Text.Json.Nodes;
using CalaisReturns.Cases;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using Marten;

namespace CalaisReturns.Tests.Flights.Routing;

/// <summary>
/// Flights with several stops, end to end through the API: a UK charter that picks up French returnees and escorts at
/// Lille on its way to Tirana, and one that hands over Nigerians at Lagos and Ghanaians at Accra.
/// </summary>
public class MultiLegApiTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Actor UkFinance = Actors.Of(Role.Finance, State.UK);
    private static readonly Actor FrFinance = Actors.Of(Role.Finance, State.FR);

    private static object Stop(string airport, string kind, int hours, string? country = null, string[]? states = null) =>
        new { airport, kind, states, countryOfReturn = country, scheduled = Api.Departure.AddHours(hours) };

    private async Task<Guid> Plan(State[] states, params object[] stops)
    {
        var planned = await App.Post("/api/flights", new { leadState = "UK", participatingStates = states, stops }, 201);
        return planned.ReadAsJson<Accepted>()!.Id;
    }

    private Task<FlightSchedule> Flight(Guid id) => App.GetJson<FlightSchedule>($"/api/flights/{id}");

    private async Task<CaseStatus> StatusOf(Guid caseId)
    {
        await using var session = App.Store.QuerySession();
        return (await session.Events.AggregateStreamAsync<ReturneeCase>(caseId))!.Status;
    }

    [Fact]
    public async Task Stansted_Lille_Tirana_boards_the_french_at_lille_counts_each_leg_and_completes_at_tirana()
    {
        var id = await Plan([State.UK, State.FR],
            Stop("STN", "Departure", 0), Stop("LIL", "PickUp", 2, states: ["FR"]), Stop("TIA", "DropOff", 5, "AL"));
        var planned = await Flight(id);
        Assert.Equal(["STN", "LIL", "TIA"], planned.Stops.Select(s => s.Airport));
        Assert.Equal(("STN", "TIA", "AL"), (planned.DepartureAirport, planned.DestinationAirport, planned.CountryOfReturn));
        var (stansted, lille, tirana) = (planned.Stops[0].StopId, planned.Stops[1].StopId, planned.Stops[2].StopId);

        // Until departure the lead planner changes the route, each change with its reason; France's planner may not.
        var added = await App.Post($"/api/flights/{id}/stops", new
        {
            airport = "DUB", kind = "PickUp", states = new[] { "UK" }, scheduled = Api.Departure.AddHours(1),
            afterStopId = stansted, reason = "Two UK cases held in Dublin",
        });
        var dublin = (await Flight(id)).Stops[1].StopId;
        Assert.Equal(["STN", "DUB", "LIL", "TIA"], (await Flight(id)).Stops.Select(s => s.Airport));
        await App.Post($"/api/flights/{id}/stops/{tirana}/retiming", new { scheduled = Api.Departure.AddHours(6), reason = "Slot at TIA" });
        await App.Post($"/api/flights/{id}/stops/{dublin}/removal", new { reason = "Cases moved to Stansted" }, actor: Actors.FrPlanner,
            status: 403);
        await App.Post($"/api/flights/{id}/stops/{dublin}/removal", new { reason = "Cases moved to Stansted" });
        var routed = await Flight(id);
        Assert.Equal(["STN", "LIL", "TIA"], routed.Stops.Select(s => s.Airport));
        Assert.Equal(Api.Departure.AddHours(6), routed.Stops[2].Scheduled);
        Assert.True(added.ReadAsJson<Accepted>()!.Version < routed.Version);

        await App.Post($"/api/flights/{id}/charter", Api.Charter(180));
        await App.Post($"/api/flights/{id}/seat-allocation",
            new { allocations = new[] { new { state = "UK", seats = 10 }, new { state = "FR", seats = 10 } } });
        await App.Post($"/api/flights/{id}/escort-team", new { state = "UK", escorts = 2, medics = 0, interpreters = 0 });
        await App.Post($"/api/flights/{id}/escort-team", new { state = "FR", escorts = 2, medics = 0, interpreters = 0 },
            actor: Actors.FrPlanner);

        var (uk, fr) = (await App.OpenCase(State.UK), await App.OpenCase(State.FR));
        await App.Manifest(id, uk);
        var wrongStop = await App.Post($"/api/flights/{id}/manifest", new { caseId = fr, status = "Confirmed", boardingStopId = stansted },
            409, Actors.FrPlanner, language: "fr-FR");
        Assert.Contains("n'embarquent pas à STN", wrongStop.Problem()["detail"]!.GetValue<string>());
        await App.Manifest(id, fr, State.FR);

        var manifested = await Flight(id);
        Assert.Equal([(uk, stansted, tirana), (fr, lille, tirana)],
            manifested.Manifest.Select(m => (m.CaseId, m.BoardingStopId, m.DropOffStopId)));
        // Stansted-Lille: the UK returnee and the UK team; Lille-Tirana: both returnees and both teams.
        Assert.Equal([("STN", "LIL", 1, 2), ("LIL", "TIA", 2, 4)],
            manifested.Legs.Select(l => (l.From, l.To, l.Returnees, l.Escorts)));

        // France's finance pays the ground handling at Lille: the cost names its stop, the split stays per flight.
        await App.Post($"/api/flights/{id}/costs", new
        {
            category = "GroundHandling", description = "Handling at Lille", amount = new { amount = 2_400.00m, currency = "EUR" },
            invoiceReference = "LIL-GH-1", stopId = lille,
        }, actor: FrFinance);
        var unknown = await App.Post($"/api/flights/{id}/costs", new
        {
            category = "GroundHandling", description = "Handling", amount = new { amount = 1.00m, currency = "EUR" },
            invoiceReference = "X-1", stopId = Guid.CreateVersion7(),
        }, 409, FrFinance);
        Assert.Contains("is not a stop of this flight", unknown.Problem()["detail"]!.GetValue<string>());
        var share = (await App.Get($"/api/flights/{id}/cost-share", actor: UkFinance)).ReadAsJson<JsonObject>()!;
        Assert.Equal(lille.ToString(), share["facts"]!["lines"]![0]!["stopId"]!.GetValue<string>());

        // The flight leaves Stansted, picks up at Lille, and hands over at Tirana, where Albania refuses the French case.
        App.Clock.Now = Api.Departure.AddHours(7);
        await App.Post($"/api/flights/{id}/departure", new
        {
            actualDeparture = Api.Departure.AddMinutes(10),
            returneesOnBoard = new[] { new { state = "UK", returnees = 1 }, new { state = "FR", returnees = 1 } },
        });
        await App.Post($"/api/flights/{id}/stops/{tirana}/arrival", new { actualArrival = Api.Departure.AddHours(2) }, 409);
        await App.Post($"/api/flights/{id}/stops/{lille}/arrival", new { actualArrival = Api.Departure.AddHours(2) });
        await App.Post($"/api/flights/{id}/stops/{lille}/departure", new { actualDeparture = Api.Departure.AddHours(3) });
        await App.Post($"/api/flights/{id}/stops/{tirana}/arrival", new { actualArrival = Api.Departure.AddHours(6) });
        await App.AndPolicies(() => App.Post($"/api/flights/{id}/stops/{tirana}/handover", new
        {
            outcomes = new object[]
            {
                new { state = "UK", handedOver = 1, refusedAdmission = Array.Empty<Guid>() },
                new { state = "FR", handedOver = 0, refusedAdmission = new[] { fr } },
            },
        }));

        var completed = await Flight(id);
        Assert.Equal(FlightStatus.Completed, completed.Status);
        Assert.Equal((Api.Departure.AddHours(2), Api.Departure.AddHours(3)), (completed.Stops[1].ActualArrival, completed.Stops[1].ActualDeparture));
        Assert.Equal((1, 1), (completed.Stops[2].HandedOver, completed.Stops[2].RefusedAdmission));
        Assert.Equal((CaseStatus.Closed, CaseStatus.Open), (await StatusOf(uk), await StatusOf(fr)));
    }

    [Fact]
    public async Task Lagos_then_Accra_hands_each_country_its_own_nationals_and_each_drop_off_is_recorded_on_its_own()
    {
        var id = await Plan([State.UK], Stop("STN", "Departure", 0), Stop("LOS", "DropOff", 6, "NG"), Stop("ACC", "DropOff", 8, "GH"));
        await App.Post($"/api/flights/{id}/charter", Api.Charter(180));
        await App.Post($"/api/flights/{id}/seat-allocation", new { allocations = new[] { new { state = "UK", seats = 20 } } });
        var (nigerian, ghanaian, kosovar) = (await App.OpenCase(nationality: "NG"), await App.OpenCase(nationality: "GH"),
            await App.OpenCase(nationality: "XK"));
        await App.Manifest(id, nigerian);
        await App.Manifest(id, ghanaian);
        var refused = await App.Manifest(id, kosovar, expect: 409);
        Assert.Contains("the flight returns people to NG, GH", refused.Problem()["detail"]!.GetValue<string>());

        var flight = await Flight(id);
        var (lagos, accra) = (flight.Stops[1].StopId, flight.Stops[2].StopId);
        Assert.Equal(["NG", "GH"], flight.CountriesOfReturn);
        Assert.Equal([lagos, accra], flight.Manifest.Select(m => m.DropOffStopId));
        Assert.Equal([2, 1], flight.Legs.Select(l => l.Returnees));

        // The schedule's country filter matches either drop-off.
        foreach (var (country, found) in new[] { ("NG", true), ("GH", true), ("AL", false) })
        {
            var listed = await App.GetJson<List<FlightSchedule>>($"/api/schedule?country={country}");
            Assert.Equal(found, listed.Any(f => f.Id == id));
        }

        App.Clock.Now = Api.Departure.AddHours(9);
        await App.Post($"/api/flights/{id}/departure", new
        {
            actualDeparture = Api.Departure, returneesOnBoard = new[] { new { state = "UK", returnees = 2 } },
        });
        await App.Post($"/api/flights/{id}/stops/{lagos}/arrival", new { actualArrival = Api.Departure.AddHours(6) });
        var oneRecord = await App.Post($"/api/flights/{id}/completion",
            new { outcomes = new[] { new { state = "UK", handedOver = 2, refusedAdmission = Array.Empty<Guid>() } } }, 409);
        Assert.Contains("record the hand-over at each one", oneRecord.Problem()["detail"]!.GetValue<string>());
        await App.Post($"/api/flights/{id}/stops/{lagos}/handover",
            new { outcomes = new[] { new { state = "UK", handedOver = 1, refusedAdmission = Array.Empty<Guid>() } } });
        Assert.Equal(FlightStatus.Departed, (await Flight(id)).Status);
        await App.Post($"/api/flights/{id}/stops/{lagos}/departure", new { actualDeparture = Api.Departure.AddHours(7) });
        await App.Post($"/api/flights/{id}/stops/{accra}/arrival", new { actualArrival = Api.Departure.AddHours(8) });
        await App.AndPolicies(() => App.Post($"/api/flights/{id}/stops/{accra}/handover",
            new { outcomes = new[] { new { state = "UK", handedOver = 1, refusedAdmission = Array.Empty<Guid>() } } }));

        var completed = await Flight(id);
        Assert.Equal(FlightStatus.Completed, completed.Status);
        Assert.Equal((2, 0), (completed.For(State.UK).HandedOver, completed.For(State.UK).RefusedAdmission));
        Assert.Equal((CaseStatus.Closed, CaseStatus.Closed), (await StatusOf(nigerian), await StatusOf(ghanaian)));

        // Finance reports the flight under both its countries of return.
        var share = (await App.Get($"/api/flights/{id}/cost-share", actor: UkFinance)).ReadAsJson<JsonObject>()!;
        Assert.Equal("NG+GH", share["facts"]!["countryOfReturn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_that_cannot_be_flown_is_refused_with_the_reason_and_nothing_is_written()
    {
        var refused = await App.Post("/api/flights", new
        {
            leadState = "UK", participatingStates = new[] { "UK", "FR" },
            stops = new[] { Stop("STN", "Departure", 0), Stop("TIA", "DropOff", 5, "AL") },
        }, 400, language: "fr-FR");
        Assert.Contains("aucune escale ne fait embarquer", refused.Problem()["errors"]!["Stops"]![0]!.GetValue<string>());

        var both = await App.Post("/api/flights", new
        {
            leadState = "UK", participatingStates = new[] { "UK" }, departureAirport = "STN",
            stops = new[] { Stop("STN", "Departure", 0), Stop("TIA", "DropOff", 5, "AL") },
        }, 400);
        Assert.Contains("either the stops", both.Problem()["errors"]!["Stops"]![0]!.GetValue<string>());
        Assert.Empty(await App.GetJson<List<FlightSchedule>>("/api/schedule"));
    }
}
