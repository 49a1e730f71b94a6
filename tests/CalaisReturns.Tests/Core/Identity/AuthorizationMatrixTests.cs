using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Core.Identity;

/// <summary>
/// Every write endpoint × every role × both states (and no one): only the lead state's planners
/// operate a UK-led flight, only UK planners touch UK cases and their manifest entries, and a
/// refused request writes no event.
/// </summary>
public class AuthorizationMatrixTests(AppFixture app) : IntegrationTest(app)
{
    public static readonly string[] WriteEndpoints =
        ["plan", "charter", "seat-allocation", "escort-team", "monitor", "reschedule", "departure", "completion",
            "cancellation", "manifest", "manifest/confirmation", "manifest/withdrawal", "manifest/lock",
            "case", "case/travel-document", "case/barriers", "case/barriers/lifting", "case/closure", "case/erasure",
            "cost-split", "costs", "costs/correction", "costs/withdrawal", "exchange-rate", "external-funding", "settlements",
            "cost-share/confirmation"];

    /// <summary>Agreeing to a split is left out: a proposer's own agreement is a 409 refusal, tested with the finance API.</summary>
    private static readonly string[] FinanceEndpoints = [.. WriteEndpoints.Where(e => e.StartsWith("cost") || e is
        "exchange-rate" or "external-funding" or "settlements")];

    public static TheoryData<string, Role?, State?> Matrix()
    {
        var data = new TheoryData<string, Role?, State?>();
        foreach (var endpoint in WriteEndpoints)
        {
            data.Add(endpoint, null, null);
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var state in Enum.GetValues<State>())
                {
                    data.Add(endpoint, role, state);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Brings a UK-led UK/FR flight, or a UK case, to where the endpoint's command is valid; returns
    /// its URL and body.
    /// </summary>
    private async Task<(string Url, object Body)> Prepare(string endpoint)
    {
        if (endpoint == "plan")
        {
            return ("/api/flights", Api.Plan());
        }

        if (endpoint.StartsWith("case"))
        {
            return await PrepareCase(endpoint);
        }

        if (FinanceEndpoints.Contains(endpoint))
        {
            return await PrepareFinance(endpoint);
        }

        if (endpoint.StartsWith("manifest"))
        {
            var flight = await App.ReadyFlight(ukSeats: 1);
            var (confirmed, reserve) = (await App.OpenCase(), await App.OpenCase());
            await App.AndPolicies(async () =>
            {
                // A reserve can be confirmed only while its state's one seat is free.
                if (endpoint != "manifest/confirmation")
                {
                    await App.Manifest(flight, confirmed);
                }

                return await App.Manifest(flight, reserve, status: "Reserve");
            });
            return endpoint switch
            {
                "manifest" => ($"/api/flights/{flight}/manifest", new { caseId = await App.OpenCase(), status = "Reserve" }),
                "manifest/confirmation" => ($"/api/flights/{flight}/manifest/confirmation", new { caseId = reserve }),
                "manifest/withdrawal" => ($"/api/flights/{flight}/manifest/withdrawal", new { caseId = reserve, reason = "Medical" }),
                _ => ($"/api/flights/{flight}/manifest/lock", new { }),
            };
        }

        var id = await App.PlannedFlight();
        if (endpoint is "seat-allocation" or "departure" or "completion")
        {
            await App.Post($"/api/flights/{id}/charter", Api.Charter());
            await App.Post($"/api/flights/{id}/seat-allocation", new { allocations = new[] { new { state = "UK", seats = 10 } } });
        }

        if (endpoint is "departure" or "completion")
        {
            await App.Manifest(id, await App.OpenCase());
            await App.Manifest(id, await App.OpenCase());
        }

        var departure = new { actualDeparture = App.Clock.Now, returneesOnBoard = new[] { new { state = "UK", returnees = 2 } } };
        if (endpoint == "completion")
        {
            await App.Post($"/api/flights/{id}/departure", departure);
        }

        object body = endpoint switch
        {
            "charter" => Api.Charter(),
            "seat-allocation" => new { allocations = new[] { new { state = "UK", seats = 20 } } },
            "escort-team" => new { state = "UK", escorts = 4, medics = 1, interpreters = 1 },
            "monitor" => new { organisation = "IMB" },
            "reschedule" => new { newDeparture = Api.Departure.AddDays(1), reason = "Crew" },
            "departure" => departure,
            "completion" => new { outcomes = new[] { new { state = "UK", handedOver = 2, refusedAdmission = Array.Empty<Guid>() } } },
            "cancellation" => new { reason = "Strike" },
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
        return ($"/api/flights/{id}/{endpoint}", body);
    }

    private async Task<(string Url, object Body)> PrepareCase(string endpoint)
    {
        if (endpoint == "case")
        {
            return ("/api/cases", new { caseReference = "M-" + Guid.NewGuid().ToString("N")[..8], fullName = "M", nationality = "AL",
                dateOfBirth = "1990-01-01" });
        }

        var id = await App.OpenCase();
        if (endpoint == "case/barriers/lifting")
        {
            await App.Post($"/api/cases/{id}/barriers", new { kind = "Other", reference = "R" });
            var barrier = (await App.GetJson<CalaisReturns.Cases.Summaries.CaseSummary>($"/api/cases/{id}")).OpenBarriers[0];
            return ($"/api/cases/{id}/barriers/{barrier.BarrierId}/lifting", new { reason = "Lifted" });
        }

        if (endpoint == "case/erasure")
        {
            await App.Post($"/api/cases/{id}/closure", new { reason = "Released" });
        }

        object body = endpoint switch
        {
            "case/travel-document" => new { kind = "Passport", expiry = "2032-01-01" },
            "case/barriers" => new { kind = "Other", reference = "R" },
            "case/closure" => new { reason = "Released" },
            _ => new { },
        };
        return ($"/api/cases/{id}/{endpoint["case/".Length..]}", body);
    }

    /// <summary>A UK-led UK/FR flight with a split agreed (unless proposing one), a rate and a UK cost line as needed.</summary>
    private async Task<(string Url, object Body)> PrepareFinance(string endpoint)
    {
        var (uk, fr) = (Actors.Of(Role.Finance, State.UK), Actors.Of(Role.Finance, State.FR));
        var flight = await App.ReadyFlight();
        var split = new { basis = "PerSeatAllocated", settlementCurrency = "GBP" };
        if (endpoint == "cost-split")
        {
            return ($"/api/flights/{flight}/cost-split", split);
        }

        await App.Post($"/api/flights/{flight}/cost-split", split, actor: fr);
        var share = await App.GetJson<CalaisReturns.Finance.Sharing.FlightCostShare>($"/api/flights/{flight}/cost-share", uk);
        await App.Post($"/api/flights/{flight}/cost-split/agreement", new { proposalId = share.Facts.Proposal!.ProposalId }, actor: uk);
        await App.Post($"/api/flights/{flight}/exchange-rate", new { eurPerGbp = 1.2000m, rateDate = "2026-06-30", source = "ECB" },
            actor: uk);
        var line = Guid.CreateVersion7();
        await App.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "Charter", amount = new { amount = 1000m, currency = "GBP" },
            invoiceReference = "INV-1", lineId = line,
        }, actor: uk);

        var money = new { amount = 100m, currency = "GBP" };
        return endpoint switch
        {
            "costs" => ($"/api/flights/{flight}/costs",
                new { category = "Other", description = "Other", amount = money, invoiceReference = "INV-2" }),
            "costs/correction" => ($"/api/flights/{flight}/costs/{line}/correction", new { newAmount = money, reason = "Credit" }),
            "costs/withdrawal" => ($"/api/flights/{flight}/costs/{line}/withdrawal", new { reason = "Duplicate" }),
            "exchange-rate" => ($"/api/flights/{flight}/exchange-rate",
                new { eurPerGbp = 1.2345m, rateDate = "2026-06-30", source = "ECB", reason = "Corrected" }),
            "external-funding" => ($"/api/flights/{flight}/external-funding",
                new { funder = "Frontex", amount = money, reference = "FX-1" }),
            "settlements" => ($"/api/flights/{flight}/settlements", new { amount = money, reference = "T-1", paidOn = "2026-06-30" }),
            _ => ($"/api/flights/{flight}/cost-share/confirmation", new { }),
        };
    }

    /// <summary>
    /// Opening a case is for any planner (for their own state); finance commands are for finance staff of
    /// either state, but a cost line only for the state that paid it (the UK here); everything else is UK planners'.
    /// </summary>
    private static bool Allowed(string endpoint, Role role, State state) =>
        FinanceEndpoints.Contains(endpoint)
            ? role == Role.Finance && (!endpoint.StartsWith("costs/") || state == State.UK)
            : role == Role.Planner && (endpoint == "case" || state == State.UK);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_the_right_planners_write_and_a_refused_request_writes_nothing(string endpoint, Role? role,
        State? state)
    {
        var (url, body) = await Prepare(endpoint);
        var request = Guid.NewGuid().ToString("N");

        var allowed = role is { } r && Allowed(endpoint, r, state!.Value);
        var expected = role is null ? 401 : allowed ? (endpoint is "plan" or "case" ? 201 : 200) : 403;
        if (role is null)
        {
            await Host.Scenario(s =>
            {
                s.Post.RawJson(System.Text.Json.JsonSerializer.Serialize(body, Api.Json)).ToUrl(url);
                s.WithRequestHeader("X-Correlation-Id", request);
                s.StatusCodeShouldBe(expected);
            });
        }
        else
        {
            var result = await App.Post(url, body, expected, Actors.Of(role.Value, state!.Value), request);
            if (!allowed)
            {
                Assert.Equal(403, result.Problem()["status"]!.GetValue<int>());
            }
        }

        // What this request wrote, by its correlation id: nothing if refused.
        var written = await App.EventsWrittenBy(request);
        Assert.True(allowed ? written > 0 : written == 0, $"The request wrote {written} events.");
    }

    [Fact]
    public async Task A_participating_states_planner_assigns_their_own_escort_team_on_a_flight_led_by_the_other()
    {
        var id = await App.PlannedFlight();
        await App.Post($"/api/flights/{id}/escort-team", new { state = "FR", escorts = 4, medics = 0, interpreters = 1 },
            actor: Actors.FrPlanner);
        await App.Post($"/api/flights/{id}/escort-team", new { state = "FR", escorts = 4, medics = 0, interpreters = 1 },
            403, Actors.UkPlanner);
        await App.Post($"/api/flights/{id}/monitor", new { organisation = "IMB" }, 403, Actors.FrPlanner);
    }

    [Theory]
    [InlineData(Role.Planner)]
    [InlineData(Role.Finance)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Admin)]
    public async Task Every_role_of_either_state_reads_the_schedule(Role role)
    {
        var id = await App.PlannedFlight();
        await App.Get("/api/schedule", actor: Actors.Of(role, State.FR));
        await App.Get($"/api/flights/{id}", actor: Actors.Of(role, State.FR));
    }
}
