using Microsoft.Extensions.Configuration;

namespace CalaisReturns.Core;

/// <summary>
/// Two kinds of error log the app keeps out, at the levels the configuration sets and no lower: Marten's log of a
/// failing command (it quotes the command's parameters — a person's name among them; <c>ExceptionProblems</c> logs
/// the failure by its SQL state instead), and Wolverine's log of a body it cannot read, under the request type's
/// name with the serializer's stack trace (<c>BodyProblems</c> logs one line instead).
/// </summary>
/// <remarks>
/// A filter rule replaces the configured rule it matches, level included: a filter without a level enables every
/// level of every category it covers (it once turned on Marten's debug log of every command, which took a third of
/// the app's CPU under load). So each filter here carries the level the configuration sets for what it covers.
/// </remarks>
public static class LogFilters
{
    public const string MartenCommands = "Marten.IDocumentStore";

    public static ILoggingBuilder AddCalaisLogFilters(this ILoggingBuilder logging, IConfiguration configuration,
        Func<IReadOnlySet<string>> requestTypeNames)
    {
        var requestTypes = new Lazy<IReadOnlySet<string>>(requestTypeNames);
        var fallback = Configured(configuration, "");
        logging.AddFilter((category, level) =>
            level >= fallback && (level < LogLevel.Error || category is null || !requestTypes.Value.Contains(category)));
        var marten = Configured(configuration, MartenCommands);
        logging.AddFilter(MartenCommands, level => level >= marten && level < LogLevel.Error);
        return logging;
    }

    /// <summary>
    /// The level <c>Logging:LogLevel</c> sets for a category: its longest configured prefix (at dots), else
    /// <c>Default</c>, else Information — as the logging framework reads it.
    /// </summary>
    public static LogLevel Configured(IConfiguration configuration, string category)
    {
        var levels = configuration.GetSection("Logging:LogLevel");
        for (var name = category; name.Length > 0; name = name.LastIndexOf('.') is var dot and > 0 ? name[..dot] : "")
        {
            if (levels[name] is { } set && Enum.TryParse<LogLevel>(set, ignoreCase: true, out var level))
            {
                return level;
            }
        }

        return Enum.TryParse<LogLevel>(levels["Default"], ignoreCase: true, out var fallback) ? fallback : LogLevel.Information;
    }
}
