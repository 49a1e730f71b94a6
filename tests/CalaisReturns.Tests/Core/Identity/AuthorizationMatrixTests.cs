using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Core.Identity;

/// <summary>
/// Every write endpoint × every role × both states × a monitor's organisation (and no one): only the lead state's
/// planners operate a UK-led flight, only UK planners touch UK cases and their manifest entries, each state's planners
/// their own officers, the crews of the flight's states its incidents, the monitor named on the flight its report; and a
/// refused request writes no event. Each endpoint is prepared once for every refused caller (a refusal changes nothing)
/// and once more for each caller allowed.
/// </summary>
public class AuthorizationMatrixTests(AppFixture app) : IntegrationTest(app)
{
    public static readonly string[] WriteEndpoints =
        ["plan", "charter", "seat-allocation", "escort-team", "monitor", "reschedule", "departure", "completion",
            "cancellation", "manifest", "manifest/confirmation", "manifest/withdrawal", "manifest/lock",
            "case", "case/travel-document", "case/barriers", "case/barriers/lifting", "case/closure", "case/erasure",
            "cost-split", "costs", "costs/correction", "costs/withdrawal", "exchange-rate", "external-funding", "settlements",
            "cost-share/confirmation", "officers", "officers/renewal", "officers/leaving", "team", "team/release", "incidents",
            "incidents/amendment", "incidents/serious-report", "monitor-report/observations", "monitor-report",
            "monitor-report/response", "complaints", "complaints/receipt", "complaints/examination", "complaints/outcome",
            "grants", "grants/claim", "grants/payment", "grants/rejection", "documents/removal", "budget", "period/closure",
            "period/reopening"];

    /// <summary>Grants, documents, budgets and closed months: issue 22's finance writes beyond the split.</summary>
    private static readonly string[] FundingEndpoints =
        ["grants", "grants/claim", "grants/payment", "grants/rejection", "documents/removal", "budget", "period/closure", "period/reopening"];

    private static readonly string[] AccountabilityEndpoints =
        ["officers", "officers/renewal", "officers/leaving", "team", "team/release", "incidents", "incidents/amendment",
            "incidents/serious-report", "monitor-report/observations", "monitor-report", "monitor-report/response", "complaints",
            "complaints/receipt", "complaints/examination", "complaints/outcome"];

    /// <summary>Agreeing to a split is left out: a proposer's own agreement is a 409 refusal, tested with the finance API.</summary>
    private static readonly string[] FinanceEndpoints = [.. WriteEndpoints.Where(e => e.StartsWith("cost") || e is
        "exchange-rate" or "external-funding" or "settlements")];

    public static TheoryData<string> Endpoints() => [.. WriteEndpoints];

    /// <summary>Every caller: each role of each state (a monitor of the UK is the IMB's, of France the CGLPL's).</summary>
    private static IEnumerable<Actor> Callers() =>
        Enum.GetValues<Role>().SelectMany(role => Enum.GetValues<State>().Select(state => Actors.Of(role, state)));

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

        if (AccountabilityEndpoints.Contains(endpoint))
        {
            return await PrepareAccountability(endpoint);
        }

        if (FundingEndpoints.Contains(endpoint))
        {
            return await PrepareFunding(endpoint);
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
    /// A UK-led UK/FR flight with a grant to the UK, claimed with a document the UK attached to it (for its payment), or
    /// not (to claim or reject it); the UK's 2026-27 budget; June 2026 (no flights, ended) closed by both to reopen it.
    /// </summary>
    private async Task<(string Url, object Body)> PrepareFunding(string endpoint)
    {
        var uk = Actors.Of(Role.Finance, State.UK);
        if (endpoint == "budget")
        {
            return ("/api/budgets/UK/2026-27", new { amount = 2_500_000m });
        }

        if (endpoint.StartsWith("period/"))
        {
            if (endpoint == "period/reopening")
            {
                await App.Post("/api/periods/2026-06/closure", new { }, actor: uk);
                await App.Post("/api/periods/2026-06/closure", new { }, actor: Actors.Of(Role.Finance, State.FR));
            }

            return ($"/api/periods/2026-06/{endpoint["period/".Length..]}", endpoint == "period/reopening" ? new { reason = "Late invoice" } : new { });
        }

        var flight = await App.ReadyFlight();
        var grant = Guid.CreateVersion7();
        var decided = new { grantId = grant, funder = "Frontex", amount = new { amount = 900m, currency = "EUR" }, reference = "FX-1",
            decidedOn = "2026-06-01", claimDeadline = "2026-09-30" };
        if (endpoint == "grants")
        {
            return ($"/api/flights/{flight}/grants", decided with { grantId = Guid.CreateVersion7() });
        }

        await App.Post($"/api/flights/{flight}/grants", decided, actor: uk);
        using var client = App.Client(uk);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("%PDF-1.4 claim"u8.ToArray()), "file", "claim.pdf");
        form.Add(new StringContent(grant.ToString()), "attachedTo");
        var attached = await client.PostAsync($"/api/flights/{flight}/documents", form);
        var document = System.Text.Json.Nodes.JsonNode.Parse(await attached.Content.ReadAsStringAsync())!["documentId"]!.GetValue<Guid>();
        if (endpoint == "documents/removal")
        {
            return ($"/api/flights/{flight}/documents/{document}/removal", new { reason = "Wrong scan" });
        }

        var claim = new { amount = new { amount = 900m, currency = "EUR" }, claimedOn = "2026-07-01", documents = new[] { document } };
        if (endpoint == "grants/payment")
        {
            await App.Post($"/api/flights/{flight}/grants/{grant}/claim", claim, actor: uk);
        }

        return endpoint switch
        {
            "grants/claim" => ($"/api/flights/{flight}/grants/{grant}/claim", claim),
            "grants/payment" => ($"/api/flights/{flight}/grants/{grant}/payment", new { amount = new { amount = 900m, currency = "EUR" }, paidOn = "2026-07-01" }),
            _ => ($"/api/flights/{flight}/grants/{grant}/rejection", new { reason = "Not eligible" }),
        };
    }

    /// <summary>
    /// A UK-led UK/FR flight monitored by the IMB that has left, with a UK case and UK officers 1001 and 1002 on its team;
    /// a serious incident the UK recorded; the IMB's report with a finding; a complaint about officer 1001 made for the UK case.
    /// </summary>
    private async Task<(string Url, object Body)> PrepareAccountability(string endpoint)
    {
        var uk = Actors.UkPlanner;
        if (endpoint == "officers")
        {
            return ("/api/officers", new { staffNumber = "S-" + Guid.NewGuid().ToString("N")[..8], name = "N", grade = "DCO",
                certificateExpiry = "2030-01-01", restraintTrainingExpiry = "2030-01-01" });
        }

        async Task<Guid> Officer(string staffNumber) => (await App.Post("/api/officers", new
        {
            staffNumber, name = "N", grade = "DCO", certificateExpiry = "2030-01-01", restraintTrainingExpiry = "2030-01-01",
        }, 201, uk)).ReadAsJson<Accepted>()!.Id;

        var officer = await Officer("UK-1001");
        if (endpoint is "officers/renewal" or "officers/leaving")
        {
            return ($"/api/officers/{officer}/{endpoint["officers/".Length..]}",
                endpoint == "officers/leaving" ? new { } : new { grade = "SO", certificateExpiry = "2031-01-01", restraintTrainingExpiry = "2031-01-01" });
        }

        var flight = await App.ReadyFlight();
        if (endpoint == "team")
        {
            return ($"/api/flights/{flight}/officers", new { officerId = officer, duty = "Escort" });
        }

        await App.Post($"/api/flights/{flight}/officers", new { officerId = officer, duty = "Escort" }, actor: uk);
        if (endpoint == "team/release")
        {
            return ($"/api/flights/{flight}/officers/{officer}/release", new { reason = "Sick" });
        }

        var person = await App.OpenCase();
        if (endpoint.StartsWith("complaints"))
        {
            if (endpoint == "complaints")
            {
                return ("/api/complaints", new { caseId = person, officerId = officer, text = "Rough", flightId = flight });
            }

            var complaint = (await App.Post("/api/complaints", new { caseId = person, officerId = officer, text = "Rough" }, 201, uk))
                .ReadAsJson<Accepted>()!.Id;
            if (endpoint != "complaints/receipt")
            {
                await App.Post($"/api/complaints/{complaint}/receipt", new { }, actor: uk);
            }

            if (endpoint == "complaints/outcome")
            {
                await App.Post($"/api/complaints/{complaint}/examination", new { }, actor: uk);
            }

            return ($"/api/complaints/{complaint}/{endpoint["complaints/".Length..]}",
                endpoint == "complaints/outcome" ? new { outcome = "NotUpheld", summary = "No evidence" } : new { });
        }

        await App.Post($"/api/flights/{flight}/monitor", new { organisation = Actors.Imb }, actor: uk);
        await App.Manifest(flight, person);
        if (endpoint == "monitor-report/observations")
        {
            return ($"/api/flights/{flight}/monitor-report/observations", new { observedAt = App.Clock.Now, text = "Briefing held" });
        }

        App.Clock.Now = Api.Departure.AddHours(1);
        await App.Post($"/api/flights/{flight}/departure",
            new { actualDeparture = Api.Departure, returneesOnBoard = new[] { new { state = "UK", returnees = 1 } } }, actor: uk);
        var incident = new
        {
            occurredAt = Api.Departure.AddMinutes(10), phase = "InFlight", category = "UseOfForce", caseIds = new[] { person },
            officerIds = new[] { officer }, serious = true, narrative = "Restrained",
            useOfForce = new { technique = "EscortHold", startedAt = Api.Departure.AddMinutes(10), endedAt = Api.Departure.AddMinutes(15), authorisedBy = officer },
        };
        if (endpoint == "incidents")
        {
            return ($"/api/flights/{flight}/incidents", incident);
        }

        if (endpoint.StartsWith("incidents/"))
        {
            var id = (await App.Post($"/api/flights/{flight}/incidents", incident, 201, uk)).ReadAsJson<Accepted>()!.Id;
            return ($"/api/flights/{flight}/incidents/{id}/{endpoint["incidents/".Length..]}", endpoint == "incidents/amendment"
                ? new { incident.occurredAt, incident.phase, incident.category, incident.caseIds, incident.officerIds, incident.serious,
                    narrative = "Restrained by one officer", reason = "Clarified", incident.useOfForce }
                : new { sentTo = "PSU" });
        }

        var findings = new { findings = new[] { new { text = "Belt kept on", severity = "High" } } };
        if (endpoint == "monitor-report")
        {
            return ($"/api/flights/{flight}/monitor-report", findings);
        }

        await App.Post($"/api/flights/{flight}/monitor-report", findings, actor: Actors.Monitor(Actors.Imb));
        var report = await App.GetJson<CalaisReturns.Accountability.Monitoring.MonitorReportView>($"/api/flights/{flight}/monitor-report", uk);
        return ($"/api/flights/{flight}/monitor-report/findings/{report.Findings[0].FindingId}/response",
            new { accepted = true, action = "Reviewed" });
    }

    /// <summary>
    /// Opening a case or enrolling an officer is for any planner (for their own state); finance commands are for finance
    /// staff of either state, but a cost line only for the state that paid it (the UK here); an incident for the crews
    /// (planners and escort leaders) of the flight's states, its amendment and report for the UK's; a complaint about a
    /// UK officer for a UK case for the UK's crew; the monitor's writes for the IMB's monitor; everything else is UK planners'.
    /// </summary>
    private static bool Allowed(string endpoint, Role role, State state) => endpoint switch
    {
        _ when FinanceEndpoints.Contains(endpoint) => role == Role.Finance && (!endpoint.StartsWith("costs/") || state == State.UK),
        "grants" or "period/closure" or "period/reopening" => role == Role.Finance,
        _ when FundingEndpoints.Contains(endpoint) => role == Role.Finance && state == State.UK,
        "incidents" => role is Role.Planner or Role.EscortLeader,
        "incidents/amendment" or "incidents/serious-report" or "complaints" => role is Role.Planner or Role.EscortLeader && state == State.UK,
        "monitor-report/observations" or "monitor-report" => role == Role.Monitor && state == State.UK,
        "case" or "officers" => role == Role.Planner,
        _ => role == Role.Planner && state == State.UK,
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Only_the_right_people_write_and_a_refused_request_writes_nothing(string endpoint)
    {
        var failures = new List<string>();
        var (url, body) = await Prepare(endpoint);

        var anonymous = Guid.NewGuid().ToString("N");
        await Host.Scenario(s =>
        {
            (endpoint == "budget" ? s.Put : s.Post).RawJson(System.Text.Json.JsonSerializer.Serialize(body, Api.Json)).ToUrl(url);
            s.WithRequestHeader("X-Correlation-Id", anonymous);
            s.StatusCodeShouldBe(401);
        });
        if (await App.EventsWrittenBy(anonymous) is > 0 and var written)
        {
            failures.Add($"no one: wrote {written} events");
        }

        var callers = Callers().ToList();
        foreach (var caller in callers.Where(c => !Allowed(endpoint, c.Role, c.State)))
        {
            var request = Guid.NewGuid().ToString("N");
            var result = endpoint == "budget" ? await App.Put(url, body, 403, caller, correlationId: request)
                : await App.Post(url, body, 403, caller, request);
            if (await App.EventsWrittenBy(request) is > 0 and var wrote)
            {
                failures.Add($"{caller.Role} {caller.State}: refused but wrote {wrote} events");
            }
        }

        var first = true;
        foreach (var caller in callers.Where(c => Allowed(endpoint, c.Role, c.State)))
        {
            if (!first)
            {
                await App.ResetAsync();
                (url, body) = await Prepare(endpoint);
            }

            first = false;
            var request = Guid.NewGuid().ToString("N");
            var status = endpoint is "plan" or "case" or "officers" or "incidents" or "complaints" ? 201
                : endpoint == "documents/removal" ? 204 : 200;
            _ = endpoint == "budget" ? await App.Put(url, body, status, caller, correlationId: request) : await App.Post(url, body, status, caller, request);
            if (await App.EventsWrittenBy(request) == 0)
            {
                failures.Add($"{caller.Role} {caller.State}: allowed but wrote nothing");
            }
        }

        Assert.False(first, "No caller is allowed.");
        Assert.Empty(failures);
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

    /// <summary>
    /// The reads of the accountability records, each caller against one flight (UK-led, UK/FR, monitored by the IMB, left,
    /// with an incident, the monitor's report and a complaint), and of the published statistics: who reads what, and who is
    /// refused.
    /// </summary>
    [Fact]
    public async Task Each_caller_reads_only_the_accountability_records_that_are_theirs()
    {
        var (url, _) = await PrepareAccountability("monitor-report/response");
        var flight = url.Split('/')[3];
        await App.Post("/api/complaints", new { caseId = await App.OpenCase(), officerId = (await App.GetJson<List<CalaisReturns.Accountability.Officers.Officer>>("/api/officers"))[0].Id,
            text = "Rough" }, 201);
        bool Crew(Actor a) => a.Role is Role.Planner or Role.EscortLeader;
        bool Oversight(Actor a) => a.Role is Role.Auditor or Role.Admin;
        bool Imb(Actor a) => a.Role == Role.Monitor && a.State == State.UK;
        var reads = new (string Url, Func<Actor, bool> Reads)[]
        {
            ("/api/officers", a => a.Role == Role.Planner),
            ("/api/schedule", a => a.Role != Role.Monitor),
            ($"/api/flights/{flight}", a => a.Role != Role.Monitor || Imb(a)),
            ($"/api/flights/{flight}/incidents", a => Crew(a) || Oversight(a) || Imb(a)),
            ($"/api/flights/{flight}/monitor-report", a => a.Role == Role.Planner || Oversight(a) || Imb(a)),
            ("/api/complaints", a => a.Role == Role.Planner || Oversight(a)),
            ("/api/reports/accountability?period=2026-07", a => a.Role == Role.Planner || Oversight(a)),
            ($"/api/flights/{flight}/accountability", a => a.Role == Role.Planner || Oversight(a)),
            ("/api/statistics?year=2026", Oversight),
            ("/api/statistics.csv?year=2026-27", Oversight),
        };
        Assert.Empty(await Misread(reads));
    }

    /// <summary>
    /// A flight's statement, each caller against a UK-led UK/FR flight and a UK-only one: the finance staff of the
    /// flight's states, auditors and admins read it; planners, crews, monitors and the other state's finance do not.
    /// </summary>
    [Fact]
    public async Task Each_caller_reads_the_statement_only_of_a_flight_whose_money_is_theirs_to_read()
    {
        var (shared, ukOnly) = (await App.ReadyFlight(), await App.PlannedFlight(Api.Plan(states: [State.UK])));
        bool Oversight(Actor a) => a.Role is Role.Auditor or Role.Admin;
        Assert.Empty(await Misread(
        [
            ($"/api/flights/{shared}/statement.pdf", a => a.Role == Role.Finance || Oversight(a)),
            ($"/api/flights/{ukOnly}/statement.pdf", a => (a.Role == Role.Finance && a.State == State.UK) || Oversight(a)),
        ]));
    }

    /// <summary>
    /// Supporting documents, budgets, grants and closed months: money, read by the finance staff of both states, auditors and
    /// admins; a document attached only by the finance staff of the state holding its subject (the UK's grant here), in a
    /// multipart request no one else gets written.
    /// </summary>
    [Fact]
    public async Task Each_caller_reads_the_finance_records_beyond_the_split_only_if_money_is_theirs_and_attaches_only_its_own_proof()
    {
        var (removal, _) = await PrepareFunding("documents/removal");
        var document = removal[..removal.LastIndexOf('/')];
        var flight = document.Split('/')[3];
        var grant = (await App.GetJson<CalaisReturns.Finance.Sharing.FlightCostShare>($"/api/flights/{flight}/cost-share",
            Actors.Of(Role.Finance, State.UK))).Facts.Grants.Single().GrantId;
        bool Money(Actor a) => a.Role is Role.Finance or Role.Auditor or Role.Admin;
        Assert.Empty(await Misread(
        [
            (document, Money), ("/api/budgets/FR/2026", Money), ("/api/reports/budget.csv?state=UK&fiscalYear=2026-27", Money),
            ("/api/reports/grants?state=UK", Money), ("/api/reports/grants.csv", Money), ("/api/periods/2026-06", Money),
        ]));

        var wrong = new List<string>();
        foreach (var caller in Callers())
        {
            using var client = App.Client(caller);
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 {caller.Role} {caller.State}")), "file", "proof.pdf");
            form.Add(new StringContent(grant.ToString()), "attachedTo");
            var status = (int)(await client.PostAsync($"/api/flights/{flight}/documents", form)).StatusCode;
            if (status != (caller.Role == Role.Finance && caller.State == State.UK ? 200 : 403))
            {
                wrong.Add($"attach as {caller.Role} {caller.State}: {status}");
            }
        }

        Assert.Empty(wrong);
        Assert.Equal(2, (await App.GetJson<CalaisReturns.Finance.Sharing.FlightCostShare>($"/api/flights/{flight}/cost-share",
            Actors.Of(Role.Finance, State.FR))).Facts.Documents.Count);
    }

    /// <summary>Every read asked by every caller: those answered otherwise than 200 where the caller may read, 403 where not.</summary>
    private async Task<List<string>> Misread(IEnumerable<(string Url, Func<Actor, bool> Reads)> reads)
    {
        var wrong = new List<string>();
        foreach (var (read, may) in reads)
        {
            foreach (var caller in Callers())
            {
                var expected = may(caller) ? 200 : 403;
                var status = (await Host.Scenario(s =>
                {
                    s.Get.Url(read);
                    s.WithBearerToken(App.Token(caller));
                    s.IgnoreStatusCode();
                })).Context.Response.StatusCode;
                if (status != expected)
                {
                    wrong.Add($"{read} as {caller.Role} {caller.State}: {status}, expected {expected}");
                }
            }
        }

        return wrong;
    }

    [Theory]
    [InlineData(Role.Planner)]
    [InlineData(Role.Finance)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Admin)]
    [InlineData(Role.EscortLeader)]
    public async Task Every_role_of_either_state_reads_the_schedule(Role role)
    {
        var id = await App.PlannedFlight();
        await App.Get("/api/schedule", actor: Actors.Of(role, State.FR));
        await App.Get($"/api/flights/{id}", actor: Actors.Of(role, State.FR));
    }
}
