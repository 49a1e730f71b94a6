using CalaisReturns.Cases.Summaries;

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
                return Decision.Refuse("Book the charter before locking the manifest.");
            case FlightStatus.ManifestLocked:
                return Decision.Refuse("The manifest is already locked.");
        }

        var blocked = flight.Manifest.Where(m => m.Confirmed && barred.Contains(m.CaseId)).ToList();
        return blocked.Count > 0
            ? Decision.Refuse($"{blocked.Count} confirmed returnee(s) have an open barrier: "
                + string.Join(", ", blocked.Select(b => b.CaseId)) + ". Withdraw them first.")
            : Decision.Accept(new ManifestLocked(flight.Id, now));
    }

    /// <summary>The cases on the flight's manifest with an open barrier: what a lock, by a planner or at the deadline, must not freeze in.</summary>
    public static async Task<IReadOnlySet<Guid>> BarredCases(IQuerySession session, Guid flightId, CancellationToken ct) =>
        (await session.Query<CaseSummary>()
            .Where(c => c.CurrentFlightId == flightId && c.OpenBarriers.Any())
            .Select(c => c.Id)
            .ToListAsync(ct))
        .ToHashSet();

    [WolverinePost("/api/flights/{flightId}/manifest/lock", OperationId = "LockManifest",
        Summary = "Freeze the manifest; afterwards only withdrawals are accepted")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static async Task<IResult> Post(Guid flightId, LockManifest command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var barred = await BarredCases(session, flightId, ct);
        return await session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.LeadPlanner(Actor.From(user), f.LeadState),
            f => Decide(f, barred, clock.GetUtcNow()), ct);
    }
}
