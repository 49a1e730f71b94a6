using CalaisReturns.Finance.Periods;

namespace CalaisReturns.Finance.Funding;

/// <summary>Money the caller's state received from a third party for the flight (e.g. Frontex co-financing).</summary>
/// <param name="Reason">Required when the flight's month is closed.</param>
public sealed record RecordExternalFunding(string Funder, Money Amount, string Reference, long? ExpectedVersion = null,
    string? Reason = null)
{
    public sealed class Validator : AbstractValidator<RecordExternalFunding>
    {
        public Validator()
        {
            RuleFor(c => c.Funder).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Amount).SetValidator(new PositiveMoney());
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }
}

public static class RecordExternalFundingEndpoint
{
    public static ExternalFundingReceived Decide(RecordExternalFunding command, FlightFinance finance, State receivedBy,
        Guid fundingId, DateTimeOffset now) =>
        new(finance.Id, fundingId, command.Funder.Trim(), receivedBy, command.Amount, command.Reference.Trim(), now, command.Reason?.Trim());

    [WolverinePost("/api/flights/{flightId}/external-funding", OperationId = "RecordExternalFunding",
        Summary = "Record third-party funding the caller's state received")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, RecordExternalFunding command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => ClosedMonths.Guarded(session, l.Facts, command.Reason,
                () => Decision.Accept(Decide(command, l.Facts, officer.State, Guid.CreateVersion7(now), now)), ct), ct);
    }
}
