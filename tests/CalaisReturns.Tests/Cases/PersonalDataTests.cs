using System.Text.Json;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Flights.Scheduling;
using Marten;
using Npgsql;

namespace CalaisReturns.Tests.Cases;

/// <summary>
/// Personal data lives only in <c>CaseOpened</c> and <c>CaseSummary</c>; erasure removes it from
/// both while every flight figure replays exactly as before.
/// </summary>
public class PersonalDataTests(AppFixture app) : IntegrationTest(app)
{
    private const string Name = "Zephyrine Quillfeather";
    private const string Surname = "Quillfeather";
    private const string BirthDate = "1987-11-23";

    private Task<Dictionary<string, long>> RowsContaining(string needle) => StoredRows.Containing(App, needle);

    private async Task<(Guid Flight, Guid Case)> FullScenario()
    {
        var flight = await App.ReadyFlight(ukSeats: 4);
        var person = await App.Post("/api/cases",
            new { caseReference = "HO-7731", fullName = Name, nationality = "AL", dateOfBirth = BirthDate }, 201);
        var caseId = person.ReadAsJson<Accepted>()!.Id;
        await App.Post($"/api/cases/{caseId}/travel-document", new { kind = "EmergencyTravelDocument", expiry = "2030-06-30" });
        var other = await App.OpenCase();
        await App.AndPolicies(async () =>
        {
            await App.Manifest(flight, caseId);
            await App.Manifest(flight, other);
            return await App.Post($"/api/cases/{other}/barriers", new { kind = "MedicallyUnfit", reference = "GP-9" });
        });
        await App.Post($"/api/flights/{flight}/manifest/lock", new { });
        App.Clock.Now = Api.Departure.AddHours(1);
        await App.Post($"/api/flights/{flight}/departure",
            new { actualDeparture = Api.Departure, returneesOnBoard = new[] { new { state = "UK", returnees = 1 } } });
        await App.AndPolicies(() => App.Post($"/api/flights/{flight}/completion",
            new { outcomes = new[] { new { state = "UK", handedOver = 1, refusedAdmission = Array.Empty<Guid>() } } }));
        await App.GetJson<ManifestView>($"/api/flights/{flight}/manifest");
        return (flight, caseId);
    }

    [Fact]
    public async Task After_a_full_scenario_the_name_and_birth_date_are_only_in_the_case_event_and_the_case_summary()
    {
        await FullScenario();

        Dictionary<string, long> allowed = new() { ["mt_events:case_opened"] = 1, ["mt_doc_casesummary"] = 1 };
        Assert.Equal(allowed, await RowsContaining(Surname));
        Assert.Equal(allowed, await RowsContaining(BirthDate));
        Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(Surname, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Only_the_owning_states_planners_see_the_name()
    {
        var (flight, caseId) = await FullScenario();

        Assert.Equal(Name, (await App.GetJson<CaseSummary>($"/api/cases/{caseId}")).FullName);
        var audited = await App.GetJson<CaseSummary>($"/api/cases/{caseId}", Actors.Of(Role.Auditor, State.UK));
        Assert.Equal(("HO-7731", null, null), (audited.CaseReference, audited.FullName, audited.DateOfBirth));
        await App.Get($"/api/cases/{caseId}", 403, Actors.FrPlanner);
        await App.Get($"/api/cases/{caseId}", 403, Actors.Of(Role.Finance, State.UK));

        Assert.Contains((await App.GetJson<ManifestView>($"/api/flights/{flight}/manifest")).Lines, l => l.FullName == Name);
        foreach (var reader in new[] { Actors.FrPlanner, Actors.Of(Role.Auditor, State.UK), Actors.Of(Role.Admin, State.UK) })
        {
            var lines = (await App.GetJson<ManifestView>($"/api/flights/{flight}/manifest", reader)).Lines;
            Assert.All(lines, l => Assert.Null(l.FullName));
            Assert.Contains(lines, l => l.CaseReference == "HO-7731");
        }
    }

    [Fact]
    public async Task Erasure_removes_the_name_and_birth_date_everywhere_and_every_flight_figure_replays_unchanged()
    {
        var (flight, caseId) = await FullScenario();
        await App.Post($"/api/cases/{caseId}/erasure", new { }, 403, Actors.FrPlanner);
        var before = JsonSerializer.Serialize(await App.GetJson<FlightSchedule>($"/api/flights/{flight}"));

        await App.AndPolicies(() => App.Post($"/api/cases/{caseId}/erasure", new { }));

        Assert.Empty(await RowsContaining(Surname));
        Assert.Empty(await RowsContaining(BirthDate));
        var erased = await App.GetJson<CaseSummary>($"/api/cases/{caseId}");
        Assert.Equal(("HO-7731", null, null, true), (erased.CaseReference, erased.FullName, erased.DateOfBirth,
            erased.PersonalDataErased));

        Assert.Equal(before, JsonSerializer.Serialize(await App.GetJson<FlightSchedule>($"/api/flights/{flight}")));
        await using var session = App.Store.QuerySession();
        var replayed = await session.Events.AggregateStreamAsync<FlightSchedule>(flight);
        Assert.Equal(before, JsonSerializer.Serialize(replayed));
        await App.Post($"/api/cases/{caseId}/erasure", new { }, 409);
    }

    [Fact]
    public async Task An_open_case_is_not_erased()
    {
        var caseId = await App.OpenCase();
        var problem = (await App.Post($"/api/cases/{caseId}/erasure", new { }, 409)).Problem();
        Assert.Contains("erased only after the case is closed", problem["detail"]!.GetValue<string>());
    }
}
