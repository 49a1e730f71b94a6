
namespace CalaisReturns.Cases.Closing;

/// <summary>Closes a case. A case on a manifest is withdrawn from it by policy.</summary>
public sealed record CloseCase(CaseClosure Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<CloseCase>
    {
        public Validator() => RuleFor(c => c.Reason).IsInEnum();
    }
}

public static class CloseCaseEndpoint
{
    public static Decision Decide(CaseClosure reason, ReturneeCase @case, DateTimeOffset now) =>
        @case.RefuseUnlessOpen() ?? Decision.Accept(new CaseClosed(@case.Id, reason, now));

    [WolverinePost("/api/cases/{caseId}/closure", OperationId = "CloseCase", Summary = "Close a case")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid caseId, CloseCase command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<ReturneeCase>(caseId, command.ExpectedVersion,
            c => CaseAccess.OwnerPlanner(Actor.From(user), c.OwningState),
            c => Decide(command.Reason, c, clock.GetUtcNow()), ct);
}
