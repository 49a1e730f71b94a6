
namespace CalaisReturns.Finance.Granting;

/// <summary>The claim sent to the funder: the amount claimed and the supporting documents attached to the grant that back it.</summary>
public sealed record ClaimGrant(Money Amount, DateOnly ClaimedOn, IReadOnlyList<Guid> Documents, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ClaimGrant>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Amount).SetValidator(new PositiveMoney());
            RuleFor(c => c.ClaimedOn).Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage(_ => Texts.Get("Validation.ClaimedOn"));
            RuleFor(c => c.Documents).NotEmpty().WithMessage(_ => Texts.Get("Validation.ClaimDocuments"))
                .Must(d => d.Distinct().Count() == d.Count).WithMessage(_ => Texts.Get("Validation.ClaimDocumentsOnce"));
        }
    }
}

public static class ClaimGrantEndpoint
{
    /// <summary>
    /// A grant is claimed once, in its currency, for no more than was granted, on or after its decision, with documents
    /// attached to it and not removed. A claim after the deadline is recorded (it was sent) and shown late.
    /// </summary>
    public static Decision Decide(ClaimGrant command, FlightFinance finance, Guid grantId, DateTimeOffset now)
    {
        var (grant, refusal) = Grants.InStatus(finance, grantId, GrantStatus.Decided);
        if (grant is null)
        {
            return refusal!;
        }

        if (command.Amount.Currency != grant.Amount.Currency)
        {
            return Decision.Refuse("Refusal.GrantCurrency", grant.Amount.Currency);
        }

        if (command.Amount.Amount > grant.Amount.Amount)
        {
            return Decision.Refuse("Refusal.GrantClaimExceeds", grant.Amount);
        }

        if (command.ClaimedOn < grant.DecidedOn)
        {
            return Decision.Refuse("Refusal.GrantClaimedBefore", grant.DecidedOn);
        }

        var unsupported = command.Documents.FirstOrDefault(id => finance.DocumentOf(id) is not
            { Subject: DocumentSubject.Grant, Removed: false } document || document.SubjectId != grantId);
        return unsupported != Guid.Empty
            ? Decision.Refuse("Refusal.ClaimDocument", unsupported, grant.Reference)
            : Decision.Accept(new GrantClaimed(finance.Id, grantId, command.Amount, command.Documents, command.ClaimedOn, now));
    }

    [WolverinePost("/api/flights/{flightId}/grants/{grantId}/claim", OperationId = "ClaimGrant",
        Summary = "Record the claim sent to the funder, with the supporting documents attached to the grant")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, Guid grantId, ClaimGrant command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = Actor.From(user);
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion,
            l => FinanceAccess.Participant(officer, l.Facts) ?? Grants.Recipient(officer, l.Facts, grantId),
            l => Decide(command, l.Facts, grantId, clock.GetUtcNow()), ct);
    }
}
