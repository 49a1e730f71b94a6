
namespace CalaisReturns.Cases.Documenting;

public sealed record RecordTravelDocument(TravelDocumentKind Kind, DateOnly Expiry, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordTravelDocument>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Expiry).Must(d => d.Year >= 2000).WithMessage(_ => Texts.Get("Validation.Expiry"));
        }
    }
}

public static class RecordTravelDocumentEndpoint
{
    public static Decision Decide(RecordTravelDocument command, ReturneeCase @case, DateTimeOffset now) =>
        @case.RefuseUnlessOpen()
        ?? Decision.Accept(new TravelDocumentRecorded(@case.Id, command.Kind, command.Expiry, now));

    [WolverinePost("/api/cases/{caseId}/travel-document", OperationId = "RecordTravelDocument",
        Summary = "Record the kind and expiry of the person's travel document")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid caseId, RecordTravelDocument command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<ReturneeCase>(caseId, command.ExpectedVersion,
            c => CaseAccess.OwnerPlanner(Actor.From(user), c.OwningState),
            c => Decide(command, c, clock.GetUtcNow()), ct);
}
