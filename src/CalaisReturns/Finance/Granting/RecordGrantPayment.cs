using CalaisReturns.Finance.Periods;

namespace CalaisReturns.Finance.Granting;

/// <param name="Difference">Why the amount paid is not the amount claimed: required exactly when they differ.</param>
/// <param name="Reason">Required when the flight's month is closed: the payment then changes a closed report.</param>
public sealed record RecordGrantPayment(
    Money Amount,
    DateOnly PaidOn,
    string? Difference = null,
    string? Reason = null,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RecordGrantPayment>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Amount).SetValidator(new PositiveMoney());
            RuleFor(c => c.PaidOn).Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage(_ => Texts.Get("Validation.GrantPaidOn"));
            RuleFor(c => c.Difference).MaximumLength(500);
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }
}

public static class RecordGrantPaymentEndpoint
{
    /// <summary>
    /// A claimed grant is paid once, in its currency, on or after the claim, never more than was granted; a payment that
    /// is not the amount claimed states the difference. From then on it counts as funding the recipient received.
    /// </summary>
    public static Decision Decide(RecordGrantPayment command, FlightFinance finance, Guid grantId, DateTimeOffset now)
    {
        var (grant, refusal) = Grants.InStatus(finance, grantId, GrantStatus.Claimed);
        if (grant is null)
        {
            return refusal!;
        }

        var claimed = grant.Claimed!.Value;
        if (command.Amount.Currency != claimed.Currency)
        {
            return Decision.Refuse("Refusal.GrantCurrency", claimed.Currency);
        }

        if (command.Amount.Amount > grant.Amount.Amount)
        {
            return Decision.Refuse("Refusal.GrantPaymentExceeds", grant.Amount);
        }

        if (command.PaidOn < grant.ClaimedOn)
        {
            return Decision.Refuse("Refusal.GrantPaidBeforeClaim", grant.ClaimedOn);
        }

        if (command.Amount.Amount != claimed.Amount && string.IsNullOrWhiteSpace(command.Difference))
        {
            return Decision.Refuse("Refusal.GrantDifference", claimed, command.Amount);
        }

        return Decision.Accept(new GrantPaid(finance.Id, grantId, command.Amount, command.PaidOn,
            command.Amount.Amount == claimed.Amount ? null : command.Difference!.Trim(), command.Reason?.Trim(), now));
    }

    [WolverinePost("/api/flights/{flightId}/grants/{grantId}/payment", OperationId = "RecordGrantPayment",
        Summary = "Record the funder's payment of a claimed grant (the difference stated if it is not the amount claimed)")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, Guid grantId, RecordGrantPayment command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion,
            l => FinanceAccess.Participant(officer, l.Facts) ?? Grants.Recipient(officer, l.Facts, grantId),
            l => ClosedMonths.Guarded(session, l.Facts, command.Reason, () => Decide(command, l.Facts, grantId, clock.GetUtcNow()), ct), ct);
    }
}
