
namespace CalaisReturns.Finance.Periods;

/// <summary>
/// A change to the figures of a flight whose month is closed is recorded with a reason, and shows as an adjustment in the
/// next open month's report (<see cref="Adjustments"/>); the closed report is never rewritten.
/// </summary>
public static class ClosedMonths
{
    /// <summary>Whether the month of the flight's scheduled departure is closed now.</summary>
    public static async Task<bool> IsClosed(IQuerySession session, FlightFinance finance, CancellationToken ct) =>
        await session.LoadAsync<PeriodClosure>(PeriodClosure.IdFor(Period.MonthOf(finance.ScheduledDeparture)), ct) is { Closed: true };

    /// <summary>Pure: refuses a change without a reason to a flight of a closed month; otherwise the command's own decision.</summary>
    public static Decision Guard(bool closed, FlightFinance finance, string? reason, Func<Decision> decide) =>
        closed && string.IsNullOrWhiteSpace(reason)
            ? Decision.Refuse("Refusal.ClosedMonthNeedsReason", finance.Reference, Period.MonthOf(finance.ScheduledDeparture).Name)
            : decide();

    /// <summary>The endpoints' step: reads whether the month is closed, then guards the decision.</summary>
    public static async Task<Decision> Guarded(IQuerySession session, FlightFinance finance, string? reason, Func<Decision> decide,
        CancellationToken ct) => Guard(await IsClosed(session, finance, ct), finance, reason, decide);
}
