
namespace CalaisReturns.Finance.Granting;

/// <summary>
/// A funder's decision to co-finance the flight (e.g. Frontex), recorded by the finance staff of the state it is granted
/// to (<see cref="State"/>, the caller's state when left out). <see cref="GrantId"/> may be chosen by the client (UUIDv7)
/// to make a retry harmless.
/// </summary>
public sealed record DecideGrant(
    string Funder,
    Money Amount,
    string Reference,
    DateOnly DecidedOn,
    DateOnly ClaimDeadline,
    State? State = null,
    Guid? GrantId = null,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<DecideGrant>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Funder).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Amount).SetValidator(new PositiveMoney());
            RuleFor(c => c.Reference).NotEmpty().MaximumLength(100);
            RuleFor(c => c.DecidedOn).Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage(_ => Texts.Get("Validation.GrantDecidedOn"));
            RuleFor(c => c.ClaimDeadline).Must((c, deadline) => deadline >= c.DecidedOn)
                .WithMessage(_ => Texts.Get("Validation.ClaimDeadline"));
            RuleFor(c => c.State).IsInEnum();
            RuleFor(c => c.GrantId).Must(id => id!.Value.Version == 7).When(c => c.GrantId is not null)
                .WithMessage(_ => Texts.Get("Validation.LineIdV7"));
        }
    }
}

public static class DecideGrantEndpoint
{
    public static Decision Decide(DecideGrant command, FlightFinance finance, State recipient, Guid grantId, DateTimeOffset now) =>
        finance.GrantOf(grantId) is not null
            ? Decision.Refuse("Refusal.GrantRecorded", grantId)
            : Decision.Accept(new GrantDecided(finance.Id, grantId, command.Funder.Trim(), recipient, command.Amount,
                command.Reference.Trim(), command.DecidedOn, command.ClaimDeadline, now));

    [WolverinePost("/api/flights/{flightId}/grants", OperationId = "DecideGrant",
        Summary = "Record a funder's decision to co-finance the flight, granted to the caller's state")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, DecideGrant command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion,
            l => FinanceAccess.Participant(officer, l.Facts) ?? Grants.Recipient(officer, command.State ?? officer.State),
            l => Decide(command, l.Facts, officer.State, command.GrantId ?? Guid.CreateVersion7(now), now), ct);
    }
}

/// <summary>Who acts on a grant, and which grant a command names.</summary>
public static class Grants
{
    /// <summary>A grant's claim, payment and rejection are recorded by the finance staff of the state it was granted to.</summary>
    public static Text? Recipient(Actor officer, State recipient) =>
        recipient == officer.State ? null : new Text("Forbidden.GrantRecipient", recipient);

    public static Text? Recipient(Actor officer, FlightFinance finance, Guid grantId) =>
        finance.GrantOf(grantId) is { } grant ? Recipient(officer, grant.Recipient) : null;

    /// <summary>The grant, if it is in one of the statuses the command needs; otherwise why not.</summary>
    public static (Grant? Grant, Decision? Refusal) InStatus(FlightFinance finance, Guid grantId, params GrantStatus[] statuses) =>
        finance.GrantOf(grantId) switch
        {
            null => (null, Decision.Refuse("Refusal.NoGrant", grantId)),
            { } grant when !statuses.Contains(grant.Status) => (null, Decision.Refuse($"Refusal.Grant{grant.Status}", grant.Reference)),
            { } grant => (grant, null),
        };
}
