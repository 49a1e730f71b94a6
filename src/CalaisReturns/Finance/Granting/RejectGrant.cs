
namespace CalaisReturns.Finance.Granting;

public sealed record RejectGrant(string Reason, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RejectGrant>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public static class RejectGrantEndpoint
{
    /// <summary>A funder may turn down a claim, or withdraw a grant before it is claimed; never once paid.</summary>
    public static Decision Decide(RejectGrant command, FlightFinance finance, Guid grantId, DateTimeOffset now)
    {
        var (grant, refusal) = Grants.InStatus(finance, grantId, GrantStatus.Decided, GrantStatus.Claimed);
        return grant is null ? refusal! : Decision.Accept(new GrantRejected(finance.Id, grantId, command.Reason.Trim(), now));
    }

    [WolverinePost("/api/flights/{flightId}/grants/{grantId}/rejection", OperationId = "RejectGrant",
        Summary = "Record that the funder rejected the claim or withdrew the grant, with its reason")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, Guid grantId, RejectGrant command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion,
            l => FinanceAccess.Participant(officer, l.Facts) ?? Grants.Recipient(officer, l.Facts, grantId),
            l => Decide(command, l.Facts, grantId, clock.GetUtcNow()), ct);
    }
}
