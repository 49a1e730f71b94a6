using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Tests.Faults;

namespace CalaisReturns.Tests.Core.Telemetry;

/// <summary>
/// The app as its own process, with its jobs running and the production log format: what an operator's scraper and
/// log collector receive. The counters are the process's own, so what a test's requests add is exactly what it did.
/// </summary>
public sealed partial class OperationsTests(OperationsTests.Process process) : IClassFixture<OperationsTests.Process>
{
    private const string Name = "Zéphyrine Quillfeather";
    private static readonly Actor Admin = Actors.Of(Role.Admin, State.UK);

    private RunningApp app => process.App;

    /// <summary>One process for the class: its jobs every two seconds, its log as production writes it.</summary>
    public sealed class Process : IAsyncLifetime
    {
        public RunningApp App { get; } = new("t_" + Guid.NewGuid().ToString("N")[..10], new Dictionary<string, string>
        {
            ["Jobs__RunServer"] = "true",
            ["Jobs__DeadlineSweep"] = "*/2 * * * * *",
            ["Jobs__ProjectionLag"] = "*/2 * * * * *",
            ["Jobs__SchedulePollingInterval"] = "00:00:01",
            ["Logging__Console__FormatterName"] = "calais-json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__LogLevel__Wolverine"] = "Information",
            ["Logging__LogLevel__CalaisReturns.Jobs"] = "Debug",
        });

        public Task InitializeAsync() => App.StartAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task An_admins_scraper_reads_commands_by_outcome_jobs_projection_lag_and_seals_verified()
    {
        var before = await Scrape();
        var flight = await PlanFlight();
        await app.Post(Actors.UkPlanner, $"/api/flights/{flight}/cancellation", new { reason = "Carrier withdrew" });
        await app.Post(Actors.UkPlanner, $"/api/flights/{flight}/cancellation", new { reason = "Again" }, HttpStatusCode.Conflict);
        await app.Post(Actors.UkPlanner, "/api/flights", new { leadState = "UK" }, HttpStatusCode.BadRequest);
        await app.Post(Actors.FrPlanner, "/api/flights", Plan(), HttpStatusCode.Forbidden);
        var verified = await app.Get(Actors.Of(Role.Auditor, State.FR), "/api/audit/verify?full=true");

        // The projection-lag job measures the shards once the daemon has recorded their progress.
        var metrics = before;
        await Waits.Until(async () => (metrics = await Scrape()) is var m && ShardLag().IsMatch(m.Text)
            && m.Sum("calais_jobs_total", "job=manifest-deadlines", "outcome=succeeded") > 0,
            "no job ran or no shard's lag was measured", TimeSpan.FromSeconds(30));
        decimal Added(string metric, params string[] labels) => metrics.Sum(metric, labels) - before.Sum(metric, labels);

        Assert.Equal(1, Added("calais_commands_total", "command=PlanFlight", "outcome=accepted"));
        Assert.Equal(1, Added("calais_commands_total", "command=PlanFlight", "outcome=invalid"));
        Assert.Equal(1, Added("calais_commands_total", "command=PlanFlight", "outcome=refused", "reason=forbidden"));
        Assert.Equal(1, Added("calais_commands_total", "command=CancelFlight", "outcome=accepted"));
        Assert.Equal(1, Added("calais_commands_total", "command=CancelFlight", "outcome=refused", "reason=Refusal.Cancelled"));
        Assert.Equal(0, metrics.Sum("calais_jobs_total", "outcome=failed"));
        Assert.Equal(verified.GetProperty("eventsVerified").GetInt64(), Added("calais_seals_verified_total", "result=intact"));
        Assert.True(metrics.Sum("calais_jobs_total", "job=projection-lag", "outcome=succeeded") > 0);
        Assert.True(Added("http_server_request_duration_seconds_count", "http_route=/api/flights") >= 3);

        using var planner = await app.Send(Actors.UkPlanner, HttpMethod.Get, "/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
    }

    [Fact]
    public async Task Every_log_line_is_one_json_object_with_the_correlation_id_and_the_user_and_no_personal_data()
    {
        var flight = await PlanFlight();
        var opened = await app.Post(Actors.UkPlanner, "/api/cases", new
        {
            caseReference = "REF-LOG-1", fullName = Name, nationality = "AL", dateOfBirth = "1990-04-12",
        }, HttpStatusCode.Created);
        using var refused = await app.Send(Actors.FrPlanner, HttpMethod.Post, $"/api/flights/{flight}/charter", Api.Charter());
        var correlationId = refused.Headers.GetValues(CorrelationIds.Header).Single();
        await Waits.Until(() => Task.FromResult(app.Output.Contains("\"job-", StringComparison.Ordinal)), "no job logged a line",
            TimeSpan.FromSeconds(30));

        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(Parse).ToList();
        Assert.All(entries, e =>
        {
            Assert.Equal(JsonValueKind.Object, e.ValueKind);
            Assert.True(e.TryGetProperty("correlationId", out _));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("userId").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString()) && !e.TryGetProperty("exception", out _));
        });
        var request = entries.Where(e => e.GetProperty("correlationId").GetString() == correlationId).ToList();
        Assert.NotEmpty(request);
        Assert.All(request, e => Assert.Equal(Actors.FrPlanner.Id, e.GetProperty("userId").GetString()));
        Assert.Contains(entries, e => e.GetProperty("userId").GetString() == LogScopeSystem
            && e.GetProperty("correlationId").GetString()?.StartsWith("job-", StringComparison.Ordinal) == true);
        foreach (var personal in new[] { "Zéphyrine", "Quillfeather", "1990-04-12", "Z\\u00e9phyrine" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(personal, StringComparison.OrdinalIgnoreCase));
        }

        Assert.NotEqual(Guid.Empty, opened.GetProperty("id").GetGuid());
    }

    private static JsonElement Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"Not one JSON object: {line}\n{e.Message}");
        }
    }

    private const string LogScopeSystem = CalaisReturns.Core.Telemetry.LogScope.System;

    private async Task<Guid> PlanFlight() => (await app.Post(Actors.UkPlanner, "/api/flights", Plan(), HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    /// <summary>The process runs on the real clock: a departure a month from now.</summary>
    private static object Plan() => Api.Plan(departure: DateTimeOffset.UtcNow.AddDays(30));

    private async Task<Metrics> Scrape()
    {
        using var response = await app.Send(Admin, HttpMethod.Get, "/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Metrics(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A Prometheus scrape: <c>name{label="value",…} 12</c> per line.</summary>
    private sealed record Metrics(string Text)
    {
        /// <summary>The sum over the metric's series that carry every label given (<c>label=value</c>).</summary>
        public decimal Sum(string metric, params string[] labels) => Text.Split('\n')
            .Select(l => Sample().Match(l))
            .Where(m => m.Success && m.Groups["name"].Value == metric)
            .Where(m => labels.All(wanted => m.Groups["label"].Captures.Select(c => c.Value.Replace("\"", "")).Contains(wanted)))
            .Sum(m => decimal.Parse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture));

        public override string ToString() => Text;
    }

    [GeneratedRegex("""^(?<name>[a-z_]+)\{(?:(?<label>[a-z_]+="[^"]*"),?)*\} (?<value>[0-9.e+-]+)""")]
    private static partial Regex Sample();

    [GeneratedRegex("""calais_projection_lag\{[^}]*shard="[^"]+"[^}]*\} \d+""")]
    private static partial Regex ShardLag();
}
