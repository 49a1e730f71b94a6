using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Alba;
using Marten;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights.Planning;
using Wolverine;
using Wolverine.Tracking;

namespace CalaisReturns.Tests;

/// <summary>Scenario helpers that drive the HTTP API as a client would, as a given actor.</summary>
internal static class Api
{
    public static readonly DateTimeOffset Departure = AppFixture.Start.AddDays(21);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PlanFlight Plan(State lead = State.UK, State[]? states = null, string country = "AL",
        DateTimeOffset? departure = null, Guid? flightId = null) =>
        new(lead, states ?? [State.UK, State.FR], country, "STN", "TIA", departure ?? Departure, flightId);

    public static object Charter(int seats = 180) => new
    {
        carrier = "Titan Airways",
        aircraftType = "A321",
        seatCapacity = seats,
        contractReference = "HO-CH-1",
        contractPrice = new { amount = 174468.00m, currency = "GBP" },
    };

    /// <summary>Plans a flight as a planner of its lead state.</summary>
    public static async Task<Guid> PlannedFlight(this AppFixture app, PlanFlight? plan = null)
    {
        plan ??= Plan();
        var result = await app.Post("/api/flights", plan, 201, Actors.PlannerOf(plan.LeadState));
        return result.ReadAsJson<Accepted>()!.Id;
    }

    public static async Task<Guid> BookedFlight(this AppFixture app, int seats = 180)
    {
        var id = await app.PlannedFlight();
        await app.Post($"/api/flights/{id}/charter", Charter(seats));
        return id;
    }

    /// <summary>Opens a case for the state's planners, with a passport valid well past any test departure.</summary>
    public static async Task<Guid> OpenCase(this AppFixture app, State state = State.UK, string nationality = "AL",
        string? reference = null, string name = "Test Person")
    {
        var planner = Actors.PlannerOf(state);
        var opened = await app.Post("/api/cases", new
        {
            caseReference = reference ?? "REF-" + Guid.NewGuid().ToString("N")[..12],
            fullName = name,
            nationality,
            dateOfBirth = "1990-04-12",
        }, 201, planner);
        var id = opened.ReadAsJson<Accepted>()!.Id;
        await app.Post($"/api/cases/{id}/travel-document", new { kind = "Passport", expiry = "2031-01-31" }, actor: planner);
        return id;
    }

    /// <summary>Puts a case on the manifest as a planner of its state.</summary>
    public static Task<IScenarioResult> Manifest(this AppFixture app, Guid flightId, Guid caseId, State state = State.UK,
        string status = "Confirmed", int expect = 200) =>
        app.Post($"/api/flights/{flightId}/manifest", new { caseId, status }, expect, Actors.PlannerOf(state));

    /// <summary>A booked UK-led UK/FR flight with seats for both states and a monitor.</summary>
    public static async Task<Guid> ReadyFlight(this AppFixture app, int ukSeats = 10, int frSeats = 10)
    {
        var id = await app.BookedFlight();
        await app.Post($"/api/flights/{id}/seat-allocation", new
        {
            allocations = new[] { new { state = "UK", seats = ukSeats }, new { state = "FR", seats = frSeats } },
        });
        return id;
    }

    /// <summary>France's finance proposes the split, the UK's agrees, and the UK's finance fixes the rate.</summary>
    public static async Task AgreedSplitAndRate(this AppFixture app, Guid flight, object split, decimal eurPerGbp = 1.1654m)
    {
        var ukFinance = Actors.Of(Role.Finance, State.UK);
        await app.Post($"/api/flights/{flight}/cost-split", split, actor: Actors.Of(Role.Finance, State.FR));
        var proposal = (await app.GetJson<FlightCostShare>($"/api/flights/{flight}/cost-share", ukFinance)).Facts.Proposal!.ProposalId;
        await app.Post($"/api/flights/{flight}/cost-split/agreement", new { proposalId = proposal }, actor: ukFinance);
        await app.Post($"/api/flights/{flight}/exchange-rate",
            new { eurPerGbp, rateDate = "2026-06-30", source = "ECB reference rate 2026-06-30" }, actor: ukFinance);
    }

    /// <summary>Records a charter cost the UK paid, in pounds; returns its line id.</summary>
    public static async Task<Guid> UkCharterCost(this AppFixture app, Guid flight, decimal pounds)
    {
        var line = Guid.CreateVersion7();
        await app.Post($"/api/flights/{flight}/costs", new
        {
            category = "Charter", description = "Charter", amount = new { amount = pounds, currency = "GBP" },
            invoiceReference = "TA-1", lineId = line,
        }, actor: Actors.Of(Role.Finance, State.UK));
        return line;
    }

    /// <summary>Runs a request and waits until every message it cascades (policies) has been handled.</summary>
    public static async Task<T> AndPolicies<T>(this AppFixture app, Func<Task<T>> request)
    {
        T result = default!;
        Func<IMessageContext, Task> run = async _ => result = await request();
        await app.Host.TrackActivity(TimeSpan.FromSeconds(20)).ExecuteAndWaitAsync(run);
        return result;
    }

    /// <summary>
    /// POSTs a JSON body (an object, or raw text) as the actor (a UK planner unless told) and asserts the status.
    /// Scenarios speak English (<c>Accept-Language</c>) unless they name another language: a French actor's
    /// answers would otherwise be French.
    /// </summary>
    public static Task<IScenarioResult> Post(this AppFixture app, string url, object body, int status = 200,
        Actor? actor = null, string? correlationId = null, string language = "en-GB") =>
        app.Host.Scenario(s =>
        {
            s.Post.RawJson(body as string ?? JsonSerializer.Serialize(body, Json)).ToUrl(url);
            s.WithBearerToken(app.Token(actor ?? Actors.UkPlanner));
            s.WithRequestHeader("Accept-Language", language);
            if (correlationId is not null)
            {
                s.WithRequestHeader("X-Correlation-Id", correlationId);
            }

            s.StatusCodeShouldBe(status);
        });

    /// <summary>PUTs a JSON body (an object, or raw text) as the actor and asserts the status.</summary>
    public static Task<IScenarioResult> Put(this AppFixture app, string url, object body, int status = 200,
        Actor? actor = null, string language = "en-GB", string? correlationId = null) =>
        app.Host.Scenario(s =>
        {
            s.Put.RawJson(body as string ?? JsonSerializer.Serialize(body, Json)).ToUrl(url);
            s.WithBearerToken(app.Token(actor ?? Actors.UkPlanner));
            s.WithRequestHeader("Accept-Language", language);
            if (correlationId is not null)
            {
                s.WithRequestHeader("X-Correlation-Id", correlationId);
            }

            s.StatusCodeShouldBe(status);
        });

    public static Task<IScenarioResult> Delete(this AppFixture app, string url, int status = 204, Actor? actor = null) =>
        app.Host.Scenario(s =>
        {
            s.Delete.Url(url);
            s.WithBearerToken(app.Token(actor ?? Actors.UkPlanner));
            s.StatusCodeShouldBe(status);
        });

    /// <summary>The events one request wrote, found by the correlation id it sent.</summary>
    public static async Task<int> EventsWrittenBy(this AppFixture app, string correlationId)
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.CorrelationId == correlationId).CountAsync();
    }

    public static Task<IScenarioResult> Get(this AppFixture app, string url, int status = 200, Actor? actor = null,
        string language = "en-GB") =>
        app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(app.Token(actor ?? Actors.UkPlanner));
            s.WithRequestHeader("Accept-Language", language);
            s.StatusCodeShouldBe(status);
        });

    public static async Task<T> GetJson<T>(this AppFixture app, string url, Actor? actor = null) =>
        (await app.Get(url, actor: actor)).ReadAsJson<T>()!;

    /// <summary>The events of a history page (flight or case), as JSON.</summary>
    public static async Task<JsonArray> HistoryEvents(this AppFixture app, string url, Actor? actor = null) =>
        (await app.GetJson<JsonObject>(url, actor))["events"]!.AsArray();

    /// <summary>An HTTP client that sends the actor's token, for concurrent requests.</summary>
    public static HttpClient Client(this AppFixture app, Actor? actor = null)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(actor ?? Actors.UkPlanner));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        return client;
    }

    /// <summary>The RFC 9457 problem body of a refused request.</summary>
    public static JsonObject Problem(this IScenarioResult result)
    {
        Assert.Equal("application/problem+json", result.Context.Response.ContentType?.Split(';')[0]);
        return JsonNode.Parse(result.ReadAsText())!.AsObject();
    }
}
