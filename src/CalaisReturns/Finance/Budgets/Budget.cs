using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CalaisReturns.Finance.Budgets;

/// <summary>One state's budget for one fiscal year: the write model of its setting and the document it is read from (inline).</summary>
public sealed record Budget(Guid Id, State State, string FiscalYear, Money Amount, DateTimeOffset SetAt)
{
    public long Version { get; init; }

    /// <summary>The budget's stream id, the same for every host and every reading: derived from the state and fiscal year.</summary>
    public static Guid IdFor(FiscalYear year) => StreamIds.Derived($"budget|{year.State}|{year.Name}");

    public static Budget Fold(Budget? budget, object @event) => @event switch
    {
        BudgetSet e => new Budget(e.BudgetId, e.State, e.FiscalYear, e.Amount, e.SetAt),
        _ => budget ?? throw new InvalidOperationException($"A budget stream must start with {nameof(BudgetSet)}."),
    };
}

public sealed partial class BudgetProjection : SingleStreamProjection<Budget, Guid>
{
    public BudgetProjection() => IncludeType<BudgetSet>();

    public override Budget? Evolve(Budget? snapshot, Guid id, IEvent e) => Budget.Fold(snapshot, e.Data) with { Version = e.Version };
}
