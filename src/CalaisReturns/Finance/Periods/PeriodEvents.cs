
namespace CalaisReturns.Finance.Periods;

// The events of a month's closure stream (DESIGN.md "Closed period"): both states' finance close a month whose flights are
// reconciled; it is closed when the second does, and reopened only when both ask. Each closing is numbered.

public sealed record MonthClosedBy(Guid PeriodId, string Month, State State, DateTimeOffset ClosedAt);

/// <summary>Both states have closed the month: its report as it then stood is the closed report of this closing.</summary>
public sealed record MonthClosed(Guid PeriodId, string Month, int Closing, DateTimeOffset ClosedAt);

public sealed record MonthReopeningAsked(Guid PeriodId, string Month, State State, string Reason, DateTimeOffset AskedAt);

/// <summary>Both states asked: the month is open again; its closed reports stay as they were issued.</summary>
public sealed record MonthReopened(Guid PeriodId, string Month, int Closing, DateTimeOffset ReopenedAt);
