
namespace CalaisReturns.Finance.Budgets;

/// <summary>
/// A state's envelope for joint flights in one of its fiscal years, in its own currency (DESIGN.md "Budget"). The Budget
/// stream holds every amount it was ever set to; a change gives its reason.
/// </summary>
public sealed record BudgetSet(
    Guid BudgetId,
    State State,
    string FiscalYear,
    Money Amount,
    string? Reason,
    DateTimeOffset SetAt);
