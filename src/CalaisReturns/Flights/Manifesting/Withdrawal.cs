namespace CalaisReturns.Flights.Manifesting;

public static class Withdrawal
{
    /// <summary>
    /// Takes a case off the manifest. When a confirmed returnee leaves, the earliest reserve of the
    /// same state that fits every leg it flies is confirmed in the freed seat (DESIGN.md "Barrier"); if that reserve is itself
    /// no longer eligible, the manifest policy withdraws it in turn and promotes the next.
    /// </summary>
    public static object[] Of(Flight flight, ManifestEntry entry, WithdrawalReason reason, DateTimeOffset now)
    {
        var withdrawn = new ReturneeWithdrawn(flight.Id, entry.CaseId, reason, now);
        if (!entry.Confirmed || reason == WithdrawalReason.FlightCancelled)
        {
            return [withdrawn];
        }

        var after = Flight.Fold(flight, withdrawn);
        var reserve = after.Manifest.FirstOrDefault(m => m.State == entry.State && !m.Confirmed
            && after.OverfilledBy(m.BoardingStopId, m.DropOffStopId) is null);
        return reserve is not null && after.FreeSeatsOf(entry.State) > 0
            ? [withdrawn, new ReserveConfirmed(flight.Id, reserve.CaseId, now)]
            : [withdrawn];
    }
}
