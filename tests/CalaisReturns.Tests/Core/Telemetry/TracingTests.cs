using System.Diagnostics;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;

namespace CalaisReturns.Tests.Core.Telemetry;

/// <summary>
/// Spans as the in-memory exporter receives them: one command is one trace, from the request through its command and
/// the policy handler its event reaches, down to each SQL statement, every span with the request's correlation id,
/// and nothing personal in any attribute or log line.
/// </summary>
public sealed class TracingTests(AppFixture app) : IntegrationTest(app)
{
    private const string Name = "Zéphyrine Quillfeather";
    private const string Born = "1990-04-12";
    private const string Ours = CalaisReturns.Core.Telemetry.Telemetry.Name;

    [Fact]
    public async Task One_command_is_one_trace_from_the_request_through_its_handlers_to_their_sql()
    {
        var flight = await App.ReadyFlight();
        var person = await App.OpenCase(name: Name);

        using var recording = App.Spans.Record();
        var manifested = await App.AndPolicies(() => App.Manifest(flight, person));
        var correlationId = manifested.Context.Response.Headers[CorrelationIds.Header].ToString();
        var request = await App.Spans.WaitFor(s => s.Source.Name == "Microsoft.AspNetCore" && Correlation(s) == correlationId,
            "for the request");
        var handler = await App.Spans.WaitFor(s => s.Source.Name == "Wolverine" && s.DisplayName == "EventReturneeManifested"
            && s.TraceId == request.TraceId, "for the manifest policy's handler");

        Assert.Equal(default, request.ParentSpanId);
        var trace = App.Spans.Recorded.Where(s => s.TraceId == request.TraceId).ToList();
        var command = Assert.Single(trace, s => s.Source.Name == Ours);
        Assert.Equal("command ManifestReturnee", command.DisplayName);
        Assert.Equal(request.SpanId, command.ParentSpanId);
        Assert.Equal("Accepted", command.GetTagItem("calais.command.outcome"));
        // The command's own statements, its event's handler (a policy), and the handler's statements.
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.ParentSpanId == command.SpanId
            && ((string)s.GetTagItem("db.statement")!).Contains("mt_quick_append_events", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.ParentSpanId == handler.SpanId);
        Assert.All(trace, s => Assert.True(correlationId == Correlation(s), $"{s.Source.Name} '{s.DisplayName}' has {Correlation(s)}"));
    }

    [Fact]
    public async Task No_span_attribute_or_log_line_holds_a_persons_name_or_birth_date()
    {
        using var recording = App.Spans.Record();
        var flight = await App.ReadyFlight();
        var person = await App.OpenCase(name: Name);
        await App.AndPolicies(() => App.Manifest(flight, person));
        await App.Get($"/api/cases/{person}");
        var read = await App.Get($"/api/cases?state=UK&q={Uri.EscapeDataString(Name)}");
        var correlationId = read.Context.Response.Headers[CorrelationIds.Header].ToString();
        await App.Spans.WaitFor(s => s.Source.Name == "Microsoft.AspNetCore" && Correlation(s) == correlationId, "for the last read");

        var texts = App.Spans.Recorded.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")))
                .Append(s.DisplayName).Append(s.StatusDescription ?? ""))
            .ToList();
        Assert.Contains(texts, t => t.Contains("url.query", StringComparison.Ordinal));
        foreach (var personal in new[] { "Zéphyrine", "Quillfeather", "Z%C3%A9phyrine", Born, "12/04/1990" })
        {
            Assert.DoesNotContain(texts, t => t.Contains(personal, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(personal, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_refused_command_is_a_span_whose_outcome_says_so()
    {
        var flight = await App.PlannedFlight();
        using var recording = App.Spans.Record();
        // A French planner cannot book the UK-led flight's charter.
        await App.Post($"/api/flights/{flight}/charter", Api.Charter(), 403, Actors.FrPlanner);

        var command = await App.Spans.WaitFor(s => s.Source.Name == Ours, "for the command");
        Assert.Equal("command BookCharter", command.DisplayName);
        Assert.Equal("Refused", command.GetTagItem("calais.command.outcome"));
    }

    private static string? Correlation(Activity span) => span.GetTagItem(CalaisReturns.Core.Telemetry.Telemetry.CorrelationId) as string;
}
