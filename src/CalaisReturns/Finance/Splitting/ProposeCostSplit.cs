
namespace CalaisReturns.Finance.Splitting;

/// <summary>Proposes how shared cost is divided; it takes effect when the other state's finance agrees.</summary>
public sealed record ProposeCostSplit(
    SplitBasis Basis,
    Currency SettlementCurrency,
    IReadOnlyList<StatePercent>? Ratios = null,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ProposeCostSplit>
    {
        public Validator()
        {
            RuleFor(c => c.Basis).IsInEnum();
            RuleFor(c => c.SettlementCurrency).IsInEnum();
            When(c => c.Basis == SplitBasis.FixedRatio, () =>
            {
                RuleFor(c => c.Ratios).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Texts.Get("Validation.RatioPercentages"))
                    .Must(r => r!.Sum(x => x.Percent) == 100m).WithMessage(_ => Texts.Get("Validation.PercentSum"))
                    .Must(r => r!.Select(x => x.State).Distinct().Count() == r!.Count).WithMessage(_ => Texts.Get("Validation.StateOnce"));
                RuleForEach(c => c.Ratios).Must(r => r.Percent is >= 0 and <= 100 && r.Percent == decimal.Round(r.Percent, 2))
                    .WithMessage(_ => Texts.Get("Validation.Percent"));
            }).Otherwise(() => RuleFor(c => c.Ratios).Empty().WithMessage(_ => Texts.Get("Validation.OnlyFixedRatio")));
        }
    }
}

public static class ProposeCostSplitEndpoint
{
    public static Decision Decide(ProposeCostSplit command, FlightFinance finance, State proposer, Guid proposalId,
        DateTimeOffset now) =>
        command.Ratios?.FirstOrDefault(r => !finance.Participates(r.State)) is { } outsider
            ? Decision.Refuse("Refusal.NotParticipating", outsider.State)
            : Decision.Accept(new CostSplitProposed(finance.Id, proposalId, command.Basis, command.Ratios ?? [],
                command.SettlementCurrency, proposer, now));

    [WolverinePost("/api/flights/{flightId}/cost-split", OperationId = "ProposeCostSplit",
        Summary = "Propose the split basis and settlement currency")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, ProposeCostSplit command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => Decide(command, l.Facts, officer.State, Guid.CreateVersion7(now), now), ct);
    }
}
