using System.Diagnostics;
using JasperFx.Events;
using Wolverine;

namespace CalaisReturns.Core.Telemetry;

/// <summary>
/// Wolverine middleware on every message handler (policies, jobs' commands): the handler's span and log lines carry
/// the correlation id of the work that sent the message — the request's for an event it appended (Marten records it on
/// the event), else the one already carried (a job's), else Wolverine's own for the envelope — and the system as user.
/// </summary>
public static class MessageCorrelation
{
    public static Scope Before(Envelope envelope, ILoggerFactory loggers)
    {
        var activity = Activity.Current;
        var correlationId = envelope.Message is IEvent { CorrelationId: { Length: > 0 } recorded }
            ? recorded
            : activity?.GetBaggageItem(Telemetry.CorrelationId) ?? envelope.CorrelationId ?? envelope.Id.ToString();
        Telemetry.TagCorrelation(activity, correlationId);
        return new Scope(loggers.CreateLogger("CalaisReturns.Messages").BeginScope(LogScope.For(correlationId, LogScope.System)));
    }

    /// <summary>The handler's log scope; Wolverine disposes it when the handler is done.</summary>
    public sealed class Scope(IDisposable? inner) : IDisposable
    {
        public void Dispose() => inner?.Dispose();
    }
}
