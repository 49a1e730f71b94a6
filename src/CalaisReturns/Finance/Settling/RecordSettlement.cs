using CalaisReturns.Finance.Periods;

namespace CalaisReturns.Finance.Settling;

/// <summary>
/// Records a payment between the states towards the outstanding balance: from the debtor to the
/// creditor, or back as a refund when corrections left the debtor overpaid. Never more than is outstanding.
/// </summary>
/// <param name="Reason">Required when the flight's month is closed.</param>
public sealed record RecordSettlement(Money Amount, string Reference, DateOnly PaidOn, long? ExpectedVersion = null,
    string? Reason = null)
{
    public sealed class Validator : AbstractValidator<RecordSettlement>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Amount).SetValidator(new PositiveMoney());
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Reason).MaximumLength(500);
            RuleFor(c => c.PaidOn).Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage(_ => Texts.Get("Validation.SettlementPaid"));
        }
    }
}

public static class RecordSettlementEndpoint
{
    public static Decision Decide(RecordSettlement command, FlightFinance finance, Guid settlementId, DateTimeOffset now)
    {
        var figures = CostShare.Compute(finance);
        if (figures.Status is CostShareStatus.AwaitingSplit or CostShareStatus.AwaitingRate)
        {
            return Decision.Refuse("Refusal.NotFinal", figures.Status);
        }

        if (figures.Totals is not { Debtor: { } debtor, Creditor: { } creditor } totals || totals.Outstanding == 0)
        {
            return Decision.Refuse("Refusal.NothingOutstanding");
        }

        if (command.Amount.Currency != figures.SettlementCurrency)
        {
            return Decision.Refuse("Refusal.SettlementCurrency", figures.SettlementCurrency);
        }

        var (payer, payee) = totals.Outstanding > 0 ? (debtor, creditor) : (creditor, debtor);
        return command.Amount.Amount > Math.Abs(totals.Outstanding)
            ? Decision.Refuse("Refusal.SettlementExceeds", payer, payee, Math.Abs(totals.Outstanding), figures.SettlementCurrency)
            : Decision.Accept(new SettlementRecorded(finance.Id, settlementId, payer, payee, command.Amount,
                command.Reference.Trim(), command.PaidOn, now, command.Reason?.Trim()));
    }

    [WolverinePost("/api/flights/{flightId}/settlements", OperationId = "RecordSettlement",
        Summary = "Record a payment between the states towards the outstanding balance")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, RecordSettlement command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => ClosedMonths.Guarded(session, l.Facts, command.Reason, () => Decide(command, l.Facts, Guid.CreateVersion7(now), now), ct), ct);
    }
}
