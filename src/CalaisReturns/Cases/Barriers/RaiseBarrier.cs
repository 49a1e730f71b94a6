
namespace CalaisReturns.Cases.Barriers;

/// <summary>
/// Records a reason the person may not be removed, with its reference (claim, court or NRM number).
/// If the person is on a manifest, a policy withdraws them at once.
/// </summary>
public sealed record RaiseBarrier(BarrierKind Kind, string Reference, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RaiseBarrier>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(100);
        }
    }
}

public static class RaiseBarrierEndpoint
{
    public static Decision Decide(RaiseBarrier command, ReturneeCase @case, Guid barrierId, DateTimeOffset now) =>
        @case.RefuseUnlessOpen()
        ?? Decision.Accept(new BarrierRaised(@case.Id, barrierId, command.Kind, command.Reference.Trim(), now));

    [WolverinePost("/api/cases/{caseId}/barriers", OperationId = "RaiseBarrier", Summary = "Raise a barrier to removal")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid caseId, RaiseBarrier command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return session.Decide<ReturneeCase>(caseId, command.ExpectedVersion,
            c => CaseAccess.OwnerPlanner(Actor.From(user), c.OwningState),
            c => Decide(command, c, Guid.CreateVersion7(now), now), ct);
    }
}
