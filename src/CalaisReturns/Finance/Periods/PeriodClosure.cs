using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Finance.Periods;

/// <summary>
/// One month's closure: the write model of closing and reopening it, and the document the guards and reports read (inline).
/// <see cref="Closing"/> counts the times both states closed it; <see cref="ClosedAt"/> is the last of those.
/// </summary>
public sealed record PeriodClosure(
    Guid Id,
    string Month,
    ImmutableList<State> ClosedBy,
    bool Closed,
    int Closing,
    DateTimeOffset? ClosedAt,
    ImmutableList<State> ReopeningAskedBy)
{
    public long Version { get; init; }

    /// <summary>The month's closure stream id, the same on every host: derived from the month's name.</summary>
    public static Guid IdFor(Period month) => StreamIds.Derived($"period-closure|{month.Name}");

    /// <summary>The month a route names (<c>yyyy-MM</c>), or the 400 problem saying what is expected.</summary>
    public static (Period? Month, IResult? Invalid) MonthOf(string month) =>
        Period.Parse(month) is { } period && period.Months().Count == 1
            ? (period, null)
            : (null, Core.Http.Problems.Invalid(new Dictionary<string, string[]> { ["month"] = [Texts.Get("Query.Month")] }));

    public static PeriodClosure Fold(PeriodClosure? closure, object @event)
    {
        closure ??= @event switch
        {
            MonthClosedBy e => new PeriodClosure(e.PeriodId, e.Month, [], false, 0, null, []),
            _ => throw new InvalidOperationException($"A period closure stream must start with {nameof(MonthClosedBy)}."),
        };
        return @event switch
        {
            MonthClosedBy e => closure with { ClosedBy = closure.ClosedBy.Add(e.State) },
            MonthClosed e => closure with { Closed = true, Closing = e.Closing, ClosedAt = e.ClosedAt, ReopeningAskedBy = [] },
            MonthReopeningAsked e => closure with { ReopeningAskedBy = closure.ReopeningAskedBy.Add(e.State) },
            MonthReopened => closure with { Closed = false, ClosedBy = [], ReopeningAskedBy = [] },
            _ => closure,
        };
    }
}

public sealed partial class PeriodClosureProjection : SingleStreamProjection<PeriodClosure, Guid>
{
    public PeriodClosureProjection()
    {
        foreach (var type in FinanceModule.PeriodEventTypes)
        {
            IncludeType(type);
        }
    }

    public override PeriodClosure? Evolve(PeriodClosure? snapshot, Guid id, IEvent e) =>
        PeriodClosure.Fold(snapshot, e.Data) with { Version = e.Version };
}
