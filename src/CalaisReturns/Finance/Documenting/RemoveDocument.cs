
namespace CalaisReturns.Finance.Documenting;

public sealed record RemoveDocument(string Reason)
{
    public sealed class Validator : AbstractValidator<RemoveDocument>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class RemoveDocumentEndpoint
{
    /// <summary>A document is removed once, with a reason; its bytes stay until its retention ends.</summary>
    public static Decision Decide(RemoveDocument command, FlightFinance finance, Guid documentId, DateTimeOffset now) =>
        finance.DocumentOf(documentId) switch
        {
            null => Decision.Refuse("Refusal.NoDocument", documentId),
            { Removed: true } removed => Decision.Refuse("Refusal.DocumentRemoved", removed.FileName),
            _ => Decision.Accept(new SupportingDocumentRemoved(finance.Id, documentId, command.Reason.Trim(), now)),
        };

    /// <summary>Only the finance staff of the state that attached a document remove it.</summary>
    public static Text? Forbid(Actor officer, FlightFinance finance, Guid documentId) =>
        FinanceAccess.Participant(officer, finance)
        ?? (finance.DocumentOf(documentId) is { } document && document.AttachedBy != officer.State
            ? new Text("Forbidden.DocumentAttacher", document.FileName, document.AttachedBy)
            : null);

    [WolverinePost("/api/flights/{flightId}/documents/{documentId}/removal", OperationId = "RemoveDocument",
        Summary = "Remove a supporting document, with a reason (its bytes are kept until its retention ends)")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, Guid documentId, RemoveDocument command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        return session.Decide<FlightLedger>(flightId, null, l => Forbid(officer, l.Facts, documentId),
            l => Task.FromResult(Decide(command, l.Facts, documentId, now)),
            accepted =>
            {
                SupportingFiles.MarkRemoved(session, documentId, now);
                return Results.NoContent();
            }, ct);
    }
}
