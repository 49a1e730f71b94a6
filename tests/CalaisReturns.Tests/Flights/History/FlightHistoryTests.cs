using System.Text.Json.Nodes;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Flights.History;

public class FlightHistoryTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Every_event_records_who_in_which_role_and_state_and_the_requests_correlation_id()
    {
        var id = await App.PlannedFlight();
        var sent = await Host.Scenario(s =>
        {
            s.Post.RawJson("""{"state":"FR","escorts":3,"medics":1,"interpreters":1}""").ToUrl($"/api/flights/{id}/escort-team");
            s.WithBearerToken(App.Token(Actors.FrPlanner));
            s.WithRequestHeader("X-Correlation-Id", "op-calais-42");
        });
        Assert.Equal("op-calais-42", sent.Context.Response.Headers["X-Correlation-Id"].ToString());

        var history = await App.HistoryEvents($"/api/flights/{id}/history", Actors.Of(Role.Auditor, State.FR));
        Assert.Equal(2, history.Count);
        var planned = history[0]!.AsObject();
        Assert.Equal(("flight_planned", 1, "uk.planner", "UK Planner", "Planner", "UK"),
            (planned["type"]!.GetValue<string>(), planned["version"]!.GetValue<int>(), planned["userId"]!.GetValue<string>(),
                planned["userName"]!.GetValue<string>(), planned["role"]!.GetValue<string>(), planned["state"]!.GetValue<string>()));
        Assert.Equal(AppFixture.Start, planned["timestamp"]!.GetValue<DateTimeOffset>());
        Assert.Equal("AL", planned["data"]!["countryOfReturn"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(planned["correlationId"]?.GetValue<string>()));

        var escorts = history[1]!.AsObject();
        Assert.Equal(("escort_team_assigned", "fr.planner", "FR", "op-calais-42"),
            (escorts["type"]!.GetValue<string>(), escorts["userId"]!.GetValue<string>(), escorts["state"]!.GetValue<string>(),
                escorts["correlationId"]!.GetValue<string>()));
        Assert.True(escorts["sequence"]!.GetValue<long>() > planned["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task History_is_for_auditors_admins_and_planners_of_the_flights_states()
    {
        var ukOnly = await App.PlannedFlight(Api.Plan(State.UK, [State.UK]));
        var url = $"/api/flights/{ukOnly}/history";
        await App.Get(url, actor: Actors.Of(Role.Auditor, State.FR));
        await App.Get(url, actor: Actors.Of(Role.Admin, State.FR));
        await App.Get(url, actor: Actors.UkPlanner);
        await App.Get(url, 403, Actors.FrPlanner);
        await App.Get(url, 403, Actors.Of(Role.Finance, State.UK));
        await App.Get($"/api/flights/{Guid.CreateVersion7()}/history", 404, Actors.Of(Role.Auditor, State.UK));
    }
}
