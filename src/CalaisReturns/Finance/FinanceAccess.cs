namespace CalaisReturns.Finance;

/// <summary>
/// Which finance staff may act on a flight's finance (DESIGN.md "Who uses it"). Each check returns why
/// the actor is refused (answered 403), or null; the commands and the cost-share page ask the same check.
/// </summary>
public static class FinanceAccess
{
    /// <summary>Finance staff of a state that takes part in the flight; others are refused (403).</summary>
    public static Text? Participant(Actor actor, FlightFinance finance) =>
        actor.Role == Role.Finance && finance.Participates(actor.State)
            ? null
            : new Text("Forbidden.FinanceParticipant", finance.States);

    /// <summary>
    /// Who reads one flight's money beyond the <see cref="AccessPolicies.MoneyReader"/> roles: auditors and admins every
    /// flight's, finance staff only those of flights their state takes part in.
    /// </summary>
    public static Text? Reader(Actor actor, FlightFinance finance) =>
        actor.Role is Role.Auditor or Role.Admin ? null : Participant(actor, finance);

    /// <summary>A cost line is corrected or withdrawn only by the finance staff of the state that paid it.</summary>
    public static Text? LinePayer(FlightFinance finance, Guid lineId, State state) =>
        finance.LineOf(lineId) is { } line && line.PaidBy != state
            ? new Text("Forbidden.LinePayer", lineId, line.PaidBy)
            : null;
}
