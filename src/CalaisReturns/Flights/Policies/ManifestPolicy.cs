using CalaisReturns.Cases;
using CalaisReturns.Flights.Manifesting;

namespace CalaisReturns.Flights.Policies;

/// <summary>The pure decisions behind the manifest policies.</summary>
public static class ManifestPolicy
{
    /// <summary>Whether a case could be held against any flight: only a barred or closed case can.</summary>
    public static bool MayBeIneligible(ReturneeCase @case) => @case.IsBarred || @case.Status == CaseStatus.Closed;

    /// <summary>
    /// A case on an active manifest that has an open barrier, or has been closed, is withdrawn (and a
    /// reserve of its state promoted). Anything else, including a second run, changes nothing.
    /// </summary>
    public static Decision WithdrawIfIneligible(Flight flight, ReturneeCase @case, DateTimeOffset now)
    {
        if (flight.Status is FlightStatus.Departed or FlightStatus.Completed or FlightStatus.Cancelled
            || flight.EntryOf(@case.Id) is not { } entry)
        {
            return Decision.Accept();
        }

        WithdrawalReason? reason = @case.IsBarred ? WithdrawalReason.Barrier
            : @case.Status == CaseStatus.Closed ? WithdrawalReason.CaseClosed
            : null;
        return reason is { } why ? Decision.Accept(Withdrawal.Of(flight, entry, why, now)) : Decision.Accept();
    }

    /// <summary>The cases handed over at the destination: those who flew, less those refused admission.</summary>
    public static IEnumerable<Guid> HandedOver(Flight flight, FlightCompleted completed)
    {
        var refused = completed.Outcomes.SelectMany(o => o.RefusedAdmission).ToHashSet();
        return flight.Manifest.Where(m => m.Confirmed && !refused.Contains(m.CaseId)).Select(m => m.CaseId);
    }

    /// <summary>Closes a handed-over case as removed, once.</summary>
    public static Decision CloseAsRemoved(ReturneeCase @case, DateTimeOffset now) =>
        @case.Status == CaseStatus.Closed
            ? Decision.Accept()
            : Decision.Accept(new CaseClosed(@case.Id, CaseClosure.Removed, now));
}
