using CalaisReturns.Cases;

namespace CalaisReturns.Flights.Manifesting;

public sealed record LockManifest(long? ExpectedVersion = null);

public static class LockManifestEndpoint
{
    /// <param name="barred">Cases on this flight's manifest that have an open barrier.</param>
    public static Decision Decide(Flight flight, IReadOnlySet<Guid> barred, DateTimeOffset now)
    {
        if (flight.RefuseUnlessOperational() is { } refused)
        {
            return refused;
        }

        switch (flight.Status)
        {
            case FlightStatus.Planned:
                return Decision.Refuse("Refusal.BookBeforeLock");
            case FlightStatus.ManifestLocked:
                return Decision.Refuse("Refusal.AlreadyLocked");
        }

        var blocked = flight.Manifest.Where(m => m.Confirmed && barred.Contains(m.CaseId)).ToList();
        return blocked.Count > 0
            ? Decision.Refuse("Refusal.LockBarred", blocked.Count, blocked.Select(b => b.CaseId))
            : Decision.Accept(new ManifestLocked(flight.Id, now));
    }

    /// <summary>
    /// The confirmed cases on the flight's manifest with an open barrier — what a lock, by a planner or at
    /// the deadline, must not freeze in — from the cases' own events, all fetched in one round trip.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> BarredCases(IQuerySession session, Flight flight, CancellationToken ct)
    {
        var confirmed = flight.Manifest.Where(m => m.Confirmed).Select(m => m.CaseId).ToList();
        if (confirmed.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var batch = session.CreateBatchQuery();
        var histories = confirmed.Select(id => batch.Events.FetchStream(id)).ToList();
        await batch.Execute(ct);
        var barred = new HashSet<Guid>();
        foreach (var history in histories)
        {
            var events = await history;
            if (events.Count > 0 && events.Aggregate((ReturneeCase?)null, (c, e) => ReturneeCase.Fold(c, e.Data)) is { IsBarred: true } @case)
            {
                barred.Add(@case.Id);
            }
        }

        return barred;
    }

    [WolverinePost("/api/flights/{flightId}/manifest/lock", OperationId = "LockManifest",
        Summary = "Freeze the manifest; afterwards only withdrawals are accepted")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, LockManifest command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            async f => Decide(f, await BarredCases(session, f, ct), clock.GetUtcNow()), ct);
}
