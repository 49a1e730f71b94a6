using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Auditing.Verifying;
using CalaisReturns.Core.Http;

namespace CalaisReturns.Finance.Documenting;

public static class GetDocumentEndpoint
{
    /// <summary>
    /// The file as it was attached, or why it cannot be given: its bytes deleted at the end of its retention (410), or
    /// the flight's history up to the attaching event no longer verifying against its seals, or the bytes no longer
    /// having the sealed SHA-256 (409, logged as an error: someone changed what the database holds).
    /// </summary>
    [WolverineGet("/api/flights/{flightId}/documents/{documentId}", OperationId = "GetDocument",
        Summary = "Download a supporting document, checked against the SHA-256 sealed when it was attached")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    public static async Task<IResult> Get(Guid flightId, Guid documentId, IQuerySession session, Sealer sealer,
        ILogger<SupportingDocumentAttached> log, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(flightId, token: ct);
        if (events.Count == 0)
        {
            return Problems.NotFound("Flight", flightId);
        }

        if (events.FirstOrDefault(e => e.Data is SupportingDocumentAttached a && a.DocumentId == documentId) is not
            { Data: SupportingDocumentAttached attached } attaching)
        {
            return Problems.NotFound("Document", documentId);
        }

        if (events.Any(e => e.Data is SupportingDocumentDeleted d && d.DocumentId == documentId))
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: Texts.Get("Problem.DocumentDeleted.Title"),
                detail: Texts.Format("Problem.DocumentDeleted", attached.FileName));
        }

        var check = HistoryVerification.Check(flightId, null, [.. events.TakeWhile(e => e.Version <= attaching.Version)], sealer, null);
        var content = await SupportingFiles.Read(session, documentId, ct);
        var problem = check.Broken is { } broken ? Texts.Format("Problem.DocumentUnverified", attached.FileName, broken.Problem)
            : content is null || SupportingFiles.Sha256(content) != attached.Sha256
                ? Texts.Format("Problem.DocumentAltered", attached.FileName, attached.Sha256)
                : null;
        if (problem is not null)
        {
            log.LogError("Supporting document {DocumentId} of flight {FlightId} failed its check: {Problem}", documentId, flightId,
                problem);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Texts.Get("Problem.DocumentUnverified.Title"),
                detail: problem);
        }

        return Results.File(content!, attached.MediaType, attached.FileName);
    }
}
