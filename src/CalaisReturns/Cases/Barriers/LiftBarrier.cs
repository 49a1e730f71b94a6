
namespace CalaisReturns.Cases.Barriers;

public sealed record LiftBarrier(string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<LiftBarrier>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class LiftBarrierEndpoint
{
    public static Decision Decide(LiftBarrier command, ReturneeCase @case, Guid barrierId, DateTimeOffset now) =>
        @case.RefuseUnlessOpen()
        ?? (!@case.OpenBarriers.ContainsKey(barrierId)
            ? Decision.Refuse("Refusal.NoOpenBarrier", @case.Reference, barrierId)
            : Decision.Accept(new BarrierLifted(@case.Id, barrierId, command.Reason.Trim(), now)));

    [WolverinePost("/api/cases/{caseId}/barriers/{barrierId}/lifting", OperationId = "LiftBarrier",
        Summary = "Lift a barrier, giving the reason")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid caseId, Guid barrierId, LiftBarrier command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<ReturneeCase>(caseId, command.ExpectedVersion,
            c => CaseAccess.OwnerPlanner(Actor.From(user), c.OwningState),
            c => Decide(command, c, barrierId, clock.GetUtcNow()), ct);
}
