namespace CalaisReturns.Finance;

/// <summary>
/// Which finance staff may act on a flight's finance (DESIGN.md "Who uses it"). Each check returns why
/// the actor is refused (answered 403), or null; the commands and the cost-share page ask the same check.
/// </summary>
public static class FinanceAccess
{
    /// <summary>Finance staff of a state that takes part in the flight; others are refused (403).</summary>
    public static string? Participant(Actor actor, FlightFinance finance) =>
        actor.Role == Role.Finance && finance.Participates(actor.State)
            ? null
            : $"Only finance staff of {string.Join(" or ", finance.States)} may change this flight's costs.";

    /// <summary>A cost line is corrected or withdrawn only by the finance staff of the state that paid it.</summary>
    public static string? LinePayer(FlightFinance finance, Guid lineId, State state) =>
        finance.LineOf(lineId) is { } line && line.PaidBy != state
            ? $"Cost line {lineId} was paid by {line.PaidBy}; only its finance staff may change it."
            : null;
}
