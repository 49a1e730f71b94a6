using System.Text.Json;
using CalaisReturns.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CalaisReturns.Tests.Core.Telemetry;

/// <summary>
/// The production log line: one JSON object, with the correlation id and the user of the work it belongs to, or the
/// system and no correlation id for work no one asked for; production writes it, development writes readable text.
/// </summary>
public sealed class LogFormatTests
{
    private static JsonElement Written(Action<ILogger> log, IExternalScopeProvider? scopes = null)
    {
        var formatter = new JsonLogFormatter();
        var writer = new StringWriter();
        var logger = new Capturing((level, state, exception, format) =>
            formatter.Write(new LogEntry<object>(level, "CalaisReturns.Test", new EventId(7), state, exception, format), scopes, writer));
        log(logger);
        var text = writer.ToString();
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public void Given_a_request_scope_when_a_line_is_written_then_it_names_the_correlation_id_and_the_user()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(LogScope.For("req-42", "uk.planner"));

        var line = Written(l => l.LogInformation("Flight {Reference} planned", "CR-2026-0001"), scopes);

        Assert.Equal("req-42", line.GetProperty("correlationId").GetString());
        Assert.Equal("uk.planner", line.GetProperty("userId").GetString());
        Assert.Equal("Flight CR-2026-0001 planned", line.GetProperty("message").GetString());
        Assert.Equal("CR-2026-0001", line.GetProperty("state").GetProperty("Reference").GetString());
        Assert.Equal("Information", line.GetProperty("level").GetString());
        Assert.Equal(7, line.GetProperty("eventId").GetInt32());
    }

    [Fact]
    public void Given_no_scope_when_a_line_is_written_then_the_system_wrote_it_with_no_correlation_id()
    {
        var line = Written(l => l.LogWarning("Started"));

        Assert.Equal(JsonValueKind.Null, line.GetProperty("correlationId").ValueKind);
        Assert.Equal(LogScope.System, line.GetProperty("userId").GetString());
    }

    [Fact]
    public void Given_an_exception_with_a_line_break_when_written_then_the_line_stays_one_line()
    {
        var line = Written(l => l.LogError(new InvalidOperationException("first\nsecond"), "Failed"));

        Assert.Contains("first\nsecond", line.GetProperty("exception").GetString());
    }

    [Theory]
    [InlineData("appsettings.json", "calais-json")]
    [InlineData("appsettings.Development.json", "simple")]
    public void Production_writes_json_lines_and_development_readable_text(string file, string formatter)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RunningApp.RepositoryRoot(), "src", "CalaisReturns", file))
            .Build();

        Assert.Equal(formatter, configuration["Logging:Console:FormatterName"]);
    }

    private sealed class Capturing(Action<LogLevel, object, Exception?, Func<object, Exception?, string>> write) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            write(logLevel, state!, exception, (s, e) => formatter((TState)s, e));
    }
}

public sealed class CommandOutcomeTests
{
    [Theory]
    [InlineData(200, null, CommandOutcome.Accepted, null)]
    [InlineData(201, null, CommandOutcome.Accepted, null)]
    [InlineData(400, null, CommandOutcome.Invalid, null)]
    [InlineData(413, null, CommandOutcome.Invalid, null)]
    [InlineData(409, "Refusal.Cancelled", CommandOutcome.Refused, "Refusal.Cancelled")]
    [InlineData(409, null, CommandOutcome.Refused, "concurrent-change")]
    [InlineData(403, null, CommandOutcome.Refused, "forbidden")]
    [InlineData(404, null, CommandOutcome.Refused, "not-found")]
    [InlineData(412, null, CommandOutcome.Refused, "stale-version")]
    [InlineData(429, null, CommandOutcome.Refused, "rate-limited")]
    [InlineData(500, null, CommandOutcome.Failed, null)]
    [InlineData(503, null, CommandOutcome.Failed, null)]
    public void Given_the_answer_when_classified_then_the_outcome_and_reason_class(int status, string? refusal,
        CommandOutcome outcome, string? reason) =>
        Assert.Equal((outcome, reason), CommandTelemetry.Classify(status, refusal));
}
