
namespace CalaisReturns.Finance.Documenting;

/// <summary>Delete the bytes of every supporting document removed longer ago than the retention period.</summary>
public sealed record DeleteExpiredDocuments;

public static class DeleteExpiredDocumentsHandler
{
    private const string Process = "document-retention";

    /// <summary>Removed documents are kept <c>Retention:RemovedDocumentDays</c> (six years unless configured), then deleted.</summary>
    public static int RetentionDays(IConfiguration configuration) => configuration.GetValue("Retention:RemovedDocumentDays", 2192);

    /// <summary>
    /// Each expired document's deletion is an event on its flight (the digest stays sealed in the attaching event) and its
    /// bytes go in the same transaction; a document already deleted is not selected again, so a second run changes nothing.
    /// </summary>
    public static async Task Handle(DeleteExpiredDocuments command, IDocumentSession session, TimeProvider clock,
        IConfiguration configuration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await SupportingFiles.RemovedBefore(session, now - TimeSpan.FromDays(RetentionDays(configuration)), ct);
        if (expired.Count == 0)
        {
            return;
        }

        // Caused by the passing of time, not by one event: no causation, a correlation of its own.
        EventMetadata.StampSystem(session, Process, cause: null);
        foreach (var file in expired)
        {
            var stream = await session.Events.FetchForExclusiveWriting<FlightLedger>(file.Flight, ct);
            if (stream.Aggregate?.Facts.DocumentOf(file.Document) is { Removed: true, Deleted: false })
            {
                stream.AppendOne(new SupportingDocumentDeleted(file.Flight, file.Document, now));
                SupportingFiles.Delete(session, file.Document, now);
            }
        }
    }
}
