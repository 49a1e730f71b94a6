using CalaisReturns.Cases;
using CalaisReturns.Cases.Erasing;
using CalaisReturns.Cases.Summaries;
using Hangfire;
using Wolverine;

namespace CalaisReturns.Jobs.Retention;

/// <summary>Erase the personal data of every case closed longer ago than the retention period.</summary>
public sealed record EraseExpiredPersonalData;

/// <summary>
/// The daily Hangfire job: thin, it only sends the commands (cases; officers, incidents and complaints; removed supporting
/// documents, which may name people too).
/// </summary>
public sealed class PersonalDataRetentionJob(IMessageBus bus)
{
    public const string Id = "personal-data-retention";

    public async Task Run()
    {
        await bus.InvokeAsync(new EraseExpiredPersonalData());
        await bus.InvokeAsync(new Accountability.Erasing.EraseExpiredAccountabilityData());
        await bus.InvokeAsync(new Finance.Documenting.DeleteExpiredDocuments());
    }
}

public static class PersonalDataRetentionHandler
{
    private const string Process = "personal-data-retention";

    /// <summary>
    /// Each expired case is erased by the same decision as a planner's erasure request; a case already
    /// erased is not selected, so a second run changes nothing. The masking follows through the outbox.
    /// </summary>
    public static async Task Handle(EraseExpiredPersonalData command, IDocumentSession session, TimeProvider clock,
        IConfiguration configuration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var closedBefore = now - TimeSpan.FromDays(configuration.GetValue("Retention:PersonalDataDays", 10));
        var expired = await session.Query<CaseSummary>()
            .Where(c => c.Status == CaseStatus.Closed && !c.PersonalDataErased && c.ClosedAt < closedBefore)
            .Select(c => c.Id)
            .ToListAsync(ct);
        if (expired.Count == 0)
        {
            return;
        }

        // Caused by the passing of time, not by one event: no causation, a correlation of its own.
        EventMetadata.StampSystem(session, Process, cause: null);
        foreach (var id in expired)
        {
            var stream = await session.Events.FetchForExclusiveWriting<ReturneeCase>(id, ct);
            if (stream.Aggregate is { } @case)
            {
                stream.AppendMany(EraseCaseEndpoint.Decide(@case, now).Events);
            }
        }
    }
}
