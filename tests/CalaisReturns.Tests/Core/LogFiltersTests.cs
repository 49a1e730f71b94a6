using CalaisReturns.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CalaisReturns.Tests.Core;

/// <summary>
/// The app's log filters keep two error logs out without lowering any configured level: a filter rule replaces the
/// configured rule it matches, so one without a level once enabled the debug log of every Marten command.
/// </summary>
public sealed class LogFiltersTests
{
    private const string RequestType = "CalaisReturns.Flights.Planning.PlanFlight";

    private static ILoggerFactory Factory(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddCalaisLogFilters(configuration, () => new HashSet<string> { RequestType })
            .AddProvider(new CapturedLogs()));
    }

    [Fact]
    public void Given_warning_by_default_when_logging_below_it_then_no_category_is_enabled()
    {
        using var factory = Factory(("Logging:LogLevel:Default", "Warning"));

        foreach (var category in new[] { "Marten.IDocumentStore", "Wolverine.Runtime", "CalaisReturns.Jobs.X", RequestType })
        {
            var logger = factory.CreateLogger(category);
            Assert.False(logger.IsEnabled(LogLevel.Debug), category);
            Assert.False(logger.IsEnabled(LogLevel.Information), category);
            Assert.True(logger.IsEnabled(LogLevel.Warning), category);
        }
    }

    [Fact]
    public void Given_the_shipped_settings_when_marten_logs_a_command_then_it_is_not_enabled()
    {
        using var factory = Factory(("Logging:LogLevel:Default", "Information"), ("Logging:LogLevel:Marten", "Warning"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Warning"));

        var marten = factory.CreateLogger("Marten.IDocumentStore");
        Assert.False(marten.IsEnabled(LogLevel.Debug));
        Assert.False(marten.IsEnabled(LogLevel.Information));
        Assert.True(marten.IsEnabled(LogLevel.Warning));
        Assert.False(marten.IsEnabled(LogLevel.Error));
        Assert.False(factory.CreateLogger("Microsoft.AspNetCore.Routing").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("CalaisReturns.Jobs.X").IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("CalaisReturns.Jobs.X").IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void Given_a_request_type_when_it_logs_an_error_then_only_that_error_is_kept_out()
    {
        using var factory = Factory(("Logging:LogLevel:Default", "Information"));

        Assert.False(factory.CreateLogger(RequestType).IsEnabled(LogLevel.Error));
        Assert.True(factory.CreateLogger(RequestType).IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("CalaisReturns.Jobs.X").IsEnabled(LogLevel.Error));
    }

    [Theory]
    [InlineData("Marten.IDocumentStore", LogLevel.Warning)]
    [InlineData("Marten", LogLevel.Warning)]
    [InlineData("Martens", LogLevel.Debug)]
    [InlineData("Wolverine.Runtime.Handlers", LogLevel.Error)]
    [InlineData("", LogLevel.Debug)]
    public void The_configured_level_is_that_of_the_longest_prefix_at_dots(string category, LogLevel expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Marten"] = "Warning",
            ["Logging:LogLevel:Wolverine.Runtime"] = "error",
        }).Build();

        Assert.Equal(expected, LogFilters.Configured(configuration, category));
    }
}
