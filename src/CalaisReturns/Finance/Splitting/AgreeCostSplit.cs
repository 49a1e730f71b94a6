using CalaisReturns.Finance.Periods;

namespace CalaisReturns.Finance.Splitting;

/// <param name="Reason">Required when the flight's month is closed.</param>
public sealed record AgreeCostSplit(Guid ProposalId, long? ExpectedVersion = null, string? Reason = null)
{
    public sealed class Validator : AbstractValidator<AgreeCostSplit>
    {
        public Validator()
        {
            RuleFor(c => c.ProposalId).NotEmpty();
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }
}

public static class AgreeCostSplitEndpoint
{
    /// <summary>One state alone cannot impose a split: the other agrees (a one-state flight agrees with itself).</summary>
    public static Decision Decide(AgreeCostSplit command, FlightFinance finance, State agreeing, DateTimeOffset now) =>
        finance.Proposal is not { } proposal || proposal.ProposalId != command.ProposalId
            ? Decision.Refuse("Refusal.NoProposal")
            : proposal.ProposedBy == agreeing && finance.States.Count > 1
                ? Decision.Refuse("Refusal.OwnProposal", agreeing)
                : Decision.Accept(new CostSplitAgreed(finance.Id, proposal.ProposalId, agreeing, now, command.Reason?.Trim()));

    [WolverinePost("/api/flights/{flightId}/cost-split/agreement", OperationId = "AgreeCostSplit",
        Summary = "Agree to the other state's split proposal")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, AgreeCostSplit command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => ClosedMonths.Guarded(session, l.Facts, command.Reason, () => Decide(command, l.Facts, officer.State, clock.GetUtcNow()), ct), ct);
    }
}
