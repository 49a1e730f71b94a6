using CalaisReturns.Finance.Sharing;

namespace CalaisReturns.Finance;

public static class FinanceAccess
{
    /// <summary>Finance staff of a state that takes part in the flight; others are refused (403).</summary>
    public static string? Participant(Actor actor, FlightFinance finance) =>
        actor.Role == Role.Finance && finance.Participates(actor.State)
            ? null
            : $"Only finance staff of {string.Join(" or ", finance.States)} may change this flight's costs.";

    /// <summary>
    /// The write path of every finance command: the same flight stream, folded as its finance facts.
    /// The decision receives the caller's state: a state records only what it paid or received.
    /// The facts come from the inline <see cref="FlightCostShare"/> document, kept in the same
    /// transaction as every append, so a command reads one row however long the flight's history is.
    /// </summary>
    public static Task<IResult> DecideAsFinance(this IDocumentSession session, Guid flightId, long? expectedVersion,
        ClaimsPrincipal user, Func<FlightFinance, State, Decision> decide, CancellationToken ct,
        Func<FlightFinance, State, string?>? forbid = null)
    {
        var actor = Actor.From(user);
        return session.Decide<FlightCostShare, FlightFinance>(flightId, expectedVersion, share => share.Facts,
            f => Participant(actor, f) ?? forbid?.Invoke(f, actor.State), f => decide(f, actor.State), ct);
    }

    /// <summary>A cost line is corrected or withdrawn only by the finance staff of the state that paid it.</summary>
    public static string? LinePayer(FlightFinance finance, Guid lineId, State state) =>
        finance.LineOf(lineId) is { } line && line.PaidBy != state
            ? $"Cost line {lineId} was paid by {line.PaidBy}; only its finance staff may change it."
            : null;
}
