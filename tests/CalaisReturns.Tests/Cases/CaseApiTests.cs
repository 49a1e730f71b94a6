using CalaisReturns.Cases;
using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Cases;

public class CaseApiTests(AppFixture app) : IntegrationTest(app)
{
    private static object Person(string reference) =>
        new { caseReference = reference, fullName = "A Person", nationality = "AL", dateOfBirth = "1980-02-03" };

    [Fact]
    public async Task A_case_reference_is_unique_within_a_state_but_not_across_states()
    {
        await App.Post("/api/cases", Person("HO-1"), 201);
        var duplicate = (await App.Post("/api/cases", Person("HO-1"), 409)).Problem();
        Assert.Contains("UK case HO-1 is already open", duplicate["detail"]!.GetValue<string>());
        await App.Post("/api/cases", Person("HO-1"), 201, Actors.FrPlanner);
        Assert.Equal(2, await App.EventCount());
    }

    [Fact]
    public async Task Only_the_owning_states_planners_change_a_case_and_refusals_write_nothing()
    {
        var id = await App.OpenCase(State.UK);
        var before = await App.EventCount();
        foreach (var actor in new[] { Actors.FrPlanner, Actors.Of(Role.Auditor, State.UK), Actors.Of(Role.Finance, State.UK) })
        {
            await App.Post($"/api/cases/{id}/barriers", new { kind = "Other", reference = "X" }, 403, actor);
        }

        await App.Post("/api/cases", Person("AUD-1"), 403, Actors.Of(Role.Auditor, State.UK));
        Assert.Equal(before, await App.EventCount());
    }

    [Fact]
    public async Task A_barrier_is_raised_and_lifted_and_the_summary_follows()
    {
        var id = await App.OpenCase();
        await App.Post($"/api/cases/{id}/barriers", new { kind = "AsylumClaimPending", reference = "ASY/1" });
        var barrier = Assert.Single((await App.GetJson<CaseSummary>($"/api/cases/{id}")).OpenBarriers);
        Assert.Equal((BarrierKind.AsylumClaimPending, "ASY/1"), (barrier.Kind, barrier.Reference));

        await App.Post($"/api/cases/{id}/barriers/{barrier.BarrierId}/lifting", new { reason = "Claim refused" });
        Assert.Empty((await App.GetJson<CaseSummary>($"/api/cases/{id}")).OpenBarriers);
        await App.Post($"/api/cases/{id}/barriers/{barrier.BarrierId}/lifting", new { reason = "again" }, 409);
    }

    [Fact]
    public async Task Cases_are_listed_for_the_planners_own_state_and_for_auditors_without_names()
    {
        await App.OpenCase(State.UK, reference: "HO-A");
        var closed = await App.OpenCase(State.UK, reference: "HO-B");
        await App.Post($"/api/cases/{closed}/closure", new { reason = "VoluntaryDeparture" });
        await App.OpenCase(State.FR, reference: "FR-A");

        var own = await App.GetJson<List<CaseSummary>>("/api/cases");
        Assert.Equal(["HO-A", "HO-B"], own.Select(c => c.CaseReference));
        Assert.All(own, c => Assert.Equal("Test Person", c.FullName));
        Assert.Equal(["HO-A"], (await App.GetJson<List<CaseSummary>>("/api/cases?status=open")).Select(c => c.CaseReference));
        await App.Get("/api/cases?state=FR", 403);

        var audited = await App.GetJson<List<CaseSummary>>("/api/cases", Actors.Of(Role.Auditor, State.FR));
        Assert.Equal(["FR-A", "HO-A", "HO-B"], audited.Select(c => c.CaseReference));
        Assert.All(audited, c => Assert.Null(c.FullName));
        Assert.Equal(["FR-A"], (await App.GetJson<List<CaseSummary>>("/api/cases?state=FR", Actors.Of(Role.Auditor, State.UK)))
            .Select(c => c.CaseReference));
        await App.Get("/api/cases?status=Lost", 400);
    }

    [Fact]
    public async Task After_the_lock_only_withdrawals_are_accepted()
    {
        var flight = await App.ReadyFlight();
        var (a, b, c) = (await App.OpenCase(), await App.OpenCase(), await App.OpenCase());
        await App.AndPolicies(async () =>
        {
            await App.Manifest(flight, a);
            return await App.Manifest(flight, b, status: "Reserve");
        });
        await App.Post($"/api/flights/{flight}/manifest/lock", new { }, 403, Actors.FrPlanner);
        await App.Post($"/api/flights/{flight}/manifest/lock", new { });

        Assert.Contains("locked", (await App.Manifest(flight, c, expect: 409)).Problem()["detail"]!.GetValue<string>());
        await App.Post($"/api/flights/{flight}/manifest/confirmation", new { caseId = b }, 409);
        await App.Post($"/api/flights/{flight}/seat-allocation", new { allocations = new[] { new { state = "UK", seats = 12 } } }, 409);
        await App.AndPolicies(() => App.Post($"/api/flights/{flight}/manifest/withdrawal", new { caseId = a, reason = "Medical" }));
        var schedule = await App.GetJson<CalaisReturns.Flights.Scheduling.FlightSchedule>($"/api/flights/{flight}");
        Assert.Equal((CalaisReturns.Flights.FlightStatus.ManifestLocked, 1, 0, 1),
            (schedule.Status, schedule.For(State.UK).Confirmed, schedule.For(State.UK).Reserves, schedule.For(State.UK).Withdrawn));
    }

    [Fact]
    public async Task A_planner_cannot_manifest_or_withdraw_the_other_states_returnee()
    {
        var flight = await App.ReadyFlight();
        var french = await App.OpenCase(State.FR);
        await App.Manifest(flight, french, State.UK, expect: 403);
        await App.AndPolicies(() => App.Manifest(flight, french, State.FR));
        await App.Post($"/api/flights/{flight}/manifest/withdrawal", new { caseId = french, reason = "Medical" }, 403);
        await App.Post($"/api/flights/{flight}/manifest/withdrawal", new { caseId = french, reason = "FlightCancelled" }, 400,
            Actors.FrPlanner);
    }
}
