using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CalaisReturns.Tests.Faults;

/// <summary>
/// Generated bad input against every write endpoint: random JSON of every shape, wrong types,
/// boundary and huge numbers, huge bodies, broken JSON. No request may get a 5xx; every refusal is
/// a problem document and writes no event. The seed is printed with any failure to replay it
/// (<c>CALAIS_FUZZ_SEED</c>).
/// </summary>
public sealed class FuzzTests(AppFixture app) : IntegrationTest(app)
{
    private const int Requests = 400;

    private static readonly string[] Names =
    [
        "leadState", "participatingStates", "countryOfReturn", "departureAirport", "destinationAirport", "scheduledDeparture",
        "flightId", "carrier", "aircraftType", "seatCapacity", "contractReference", "contractPrice", "amount", "currency",
        "allocations", "state", "seats", "escorts", "medics", "interpreters", "organisation", "newDeparture", "reason",
        "actualDeparture", "returneesOnBoard", "returnees", "outcomes", "handedOver", "refusedAdmission", "caseId", "status",
        "expectedVersion", "caseReference", "fullName", "nationality", "dateOfBirth", "kind", "expiry", "reference",
        "category", "description", "invoiceReference", "shared", "lineId", "basis", "settlementCurrency", "ratios", "percent",
        "proposalId", "eurPerGbp", "rateDate", "source", "funder", "paidOn", "newAmount", "staffNumber", "name", "grade",
        "certificateExpiry", "restraintTrainingExpiry", "officerId", "duty", "occurredAt", "phase", "caseIds", "officerIds",
        "serious", "narrative", "stopId", "useOfForce", "technique", "startedAt", "endedAt", "authorisedBy", "medicalAttentionGiven",
        "sentTo", "observedAt", "text", "findings", "severity", "accepted", "action", "outcome", "summary",
        "grantId", "decidedOn", "claimDeadline", "claimedOn", "documents", "difference", "attachedTo",
    ];

    private static readonly string[] Scalars =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1e-30",
        "0.001", "-0", "79228162514264337593543950336", "123456789012345678901234567890.123", "true", "false", "null",
        "\"\"", "\" \"", "\"UK\"", "\"FR\"", "\"XX\"", "\"GBP\"", "\"EUR\"", "\"Confirmed\"", "\"Charter\"", "\"FixedRatio\"",
        "\"2026-13-45\"", "\"2026-07-22T09:00:00Z\"", "\"0001-01-01\"", "\"9999-12-31T23:59:59Z\"", "\"not-a-guid\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"019f1ce8-1680-78f0-8661-1b9b3e5aac72\"", "\"\\u0000\"",
        "\"<script>alert(1)</script>\"", "\"' or 1=1 --\"", "\"Ωμέγα ✈ 北京\"",
        // Control, bidirectional-override and zero-width characters inside otherwise ordinary text.
        "\"Ana\\u0000Secret\"", "\"line\\nbreak\"", "\"tab\\there\"", "\"bell\\u0007\"", "\"\\u202Egnp.exe\"",
        "\"HO\\u2066-1\\u2069\"", "\"zero\\u200Bwidth\"", "\"\\uFEFFbom\"", "\"UK, FR\"", "\"   \"",
    ];

    [Fact]
    public async Task No_generated_request_gets_a_server_error_and_no_refused_request_writes_an_event()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CALAIS_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        var random = new Random(seed);
        var flight = await App.ReadyFlight();
        var caseId = await App.OpenCase();
        await App.AgreedSplitAndRate(flight, new { basis = "PerSeatAllocated", settlementCurrency = "GBP" });
        var line = await App.UkCharterCost(flight, 1000m);
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        Assert.True(routes.Count >= 25, $"only {routes.Count} write endpoints found");
        var actors = new[]
        {
            Actors.UkPlanner, Actors.FrPlanner, Actors.Of(Role.Finance, State.UK), Actors.Of(Role.Finance, State.FR),
            Actors.Of(Role.EscortLeader, State.FR), Actors.Monitor(Actors.Imb),
        };
        var clients = actors.Select(a => App.Client(a)).ToArray();

        for (var i = 0; i < Requests; i++)
        {
            var url = routes[random.Next(routes.Count)]
                .Replace("{flightId}", flight.ToString()).Replace("{caseId}", caseId.ToString())
                .Replace("{lineId}", line.ToString()).Replace("{barrierId}", Guid.NewGuid().ToString())
                .Replace("{notificationId}", Guid.NewGuid().ToString()).Replace("{officerId}", Guid.NewGuid().ToString())
                .Replace("{incidentId}", Guid.NewGuid().ToString()).Replace("{findingId}", Guid.NewGuid().ToString())
                .Replace("{complaintId}", Guid.NewGuid().ToString()).Replace("{stopId}", Guid.NewGuid().ToString())
                .Replace("{grantId}", Guid.NewGuid().ToString()).Replace("{documentId}", Guid.NewGuid().ToString())
                .Replace("{month}", random.Next(2) == 0 ? "2026-06" : "2026-13");
            var body = Body(random);
            var before = await App.EventCount();
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(10) == 0 ? "text/plain" : "application/json");
            using var response = await clients[random.Next(clients.Length)].PostAsync(url, content);
            var status = (int)response.StatusCode;
            var replay = $"seed {seed}, request {i}: POST {url} {Truncate(body)} → {status}";
            Assert.True(status < 500, replay + " " + await response.Content.ReadAsStringAsync());
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", replay);
                Assert.True(await App.EventCount() == before, replay + " wrote events");
            }
        }
    }

    private static string Body(Random random) => random.Next(20) switch
    {
        0 => "",
        1 => "{",
        2 => "{\"seatCapacity\": 1,}",
        3 => "[]",
        4 => "not json at all",
        5 => "{\"carrier\": \"" + new string('x', 70_000) + "\"}",
        6 => Cut(Object(random, 0)),
        _ => Object(random, 0),
    };

    /// <summary>Valid JSON cut off half-way.</summary>
    private static string Cut(string json) => json[..Math.Max(1, json.Length / 2)];

    private static string Object(Random random, int depth)
    {
        var fields = Enumerable.Range(0, random.Next(1, 8))
            .Select(_ => $"\"{(random.Next(12) == 0 ? "unknown" + random.Next(9) : Names[random.Next(Names.Length)])}\": {Value(random, depth + 1)}");
        return "{" + string.Join(", ", fields) + "}";
    }

    private static string Value(Random random, int depth) => random.Next(depth > 2 ? 6 : 9) switch
    {
        < 5 => Scalars[random.Next(Scalars.Length)],
        5 => "\"" + new string('a', random.Next(0, 2_000)) + "\"",
        6 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(random, depth + 1))) + "]",
        7 => Object(random, depth),
        _ => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Truncate(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
