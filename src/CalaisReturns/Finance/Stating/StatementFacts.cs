using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core.Identity;
using CalaisReturns.Flights;
using JasperFx.Events;

namespace CalaisReturns.Finance.Stating;

/// <summary>A state's confirmation of the figures: who confirmed (the user id and name the event's metadata recorded) and when.</summary>
public sealed record StatementConfirmation(State State, string? UserId, string? UserName, DateTimeOffset At);

/// <summary>A correction (<see cref="After"/> set) or withdrawal of a cost line: the amount before it, and why.</summary>
public sealed record LineChange(Guid LineId, Money Before, Money? After, string Reason);

/// <summary>The flight stream's last event, its seal, and where the chain of seals breaks, if it does.</summary>
public sealed record StreamSeal(long Version, string Seal, BrokenStream? Broken);

/// <summary>The latest signed checkpoint that records the flight stream's head as it now stands.</summary>
public sealed record CoveringCheckpoint(DateTimeOffset TakenAt, long Version, string Seal);

/// <summary>
/// What a flight's statement states, read in one go from the flight's stored events: the finance facts by the same fold
/// as the cost share (<see cref="FlightLedger.Fold"/>), so its figures are the API's; the flight's status; who confirmed
/// the current figures; the lines' corrections and withdrawals; the stream's head and its seal, checked now.
/// </summary>
public sealed record StatementFacts(
    FlightFinance Finance,
    FlightStatus Status,
    IReadOnlyList<StatementConfirmation> Confirmations,
    IReadOnlyList<LineChange> Changes,
    StreamSeal Head)
{
    /// <summary>Null until someone takes a checkpoint after the flight's last change.</summary>
    public CoveringCheckpoint? Checkpoint { get; init; }

    /// <summary>The facts of a flight's stream (in version order), or null if the stream is not a flight's.</summary>
    public static StatementFacts? Read(IReadOnlyList<IEvent> events, Sealer sealer)
    {
        if (events.FirstOrDefault()?.Data is not FlightPlanned)
        {
            return null;
        }

        FlightLedger? ledger = null;
        Flight? flight = null;
        var changes = new List<LineChange>();
        var confirmed = new Dictionary<State, StatementConfirmation>();
        foreach (var e in events)
        {
            var before = ledger?.Facts;
            ledger = FlightLedger.Fold(ledger, e);
            flight = Flight.Fold(flight, e);
            if (Change(before, e.Data) is { } change)
            {
                changes.Add(change);
            }

            if (e.Data is CostShareConfirmed c)
            {
                confirmed[c.State] = new StatementConfirmation(c.State, e.UserName,
                    e.Headers?.GetValueOrDefault(EventMetadata.UserName)?.ToString(), c.ConfirmedAt);
            }
        }

        // A change of the figures withdraws every confirmation (FlightFinance.ConfirmedBy) and a state confirms once until
        // then: the standing confirmations are their states' last.
        var finance = ledger!.Facts;
        var last = events[^1];
        return new StatementFacts(finance, flight!.Status, [.. finance.ConfirmedBy.Select(s => confirmed[s])], changes,
            new StreamSeal(last.Version, Seals.Of(last) ?? "", HistoryVerification.Check(last.StreamId, null, events, sealer, null).Broken));
    }

    private static LineChange? Change(FlightFinance? before, object data) => data switch
    {
        CostCorrected e when before?.LineOf(e.LineId) is { } line => new LineChange(e.LineId, line.Amount, e.NewAmount, e.Reason),
        CostWithdrawn e when before?.LineOf(e.LineId) is { } line => new LineChange(e.LineId, line.Amount, null, e.Reason),
        _ => null,
    };
}
