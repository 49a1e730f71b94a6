namespace CalaisReturns.Flights.Manifesting;

public sealed record WithdrawReturnee(Guid CaseId, WithdrawalReason Reason, long? ExpectedVersion = null)
{
    /// <summary>Reasons a planner gives; the others are recorded by the system itself.</summary>
    public static readonly WithdrawalReason[] PlannerReasons =
    [
        WithdrawalReason.Barrier, WithdrawalReason.Medical, WithdrawalReason.Absconded,
        WithdrawalReason.VoluntaryDeparture, WithdrawalReason.Administrative,
    ];

    public sealed class Validator : AbstractValidator<WithdrawReturnee>
    {
        public Validator()
        {
            RuleFor(c => c.CaseId).NotEmpty();
            RuleFor(c => c.Reason).Must(PlannerReasons.Contains)
                .WithMessage(_ => Texts.Format("Validation.WithdrawalReason", string.Join(", ", PlannerReasons.Select(r => r.ToString()))));
        }
    }
}

public static class WithdrawReturneeEndpoint
{
    /// <summary>Accepted until departure, also after the manifest is locked.</summary>
    public static Decision Decide(WithdrawReturnee command, Flight flight, DateTimeOffset now) =>
        flight.RefuseUnlessOperational()
        ?? (flight.EntryOf(command.CaseId) is { } entry
            ? Decision.Accept(Withdrawal.Of(flight, entry, command.Reason, now))
            : Decision.Refuse("Refusal.NotOnManifest"));

    [WolverinePost("/api/flights/{flightId}/manifest/withdrawal", OperationId = "WithdrawReturnee",
        Summary = "Take a returnee of the caller's state off the manifest")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid flightId, WithdrawReturnee command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Flight>(flightId, command.ExpectedVersion,
            f => FlightAccess.EntryOwnerPlanner(Actor.From(user), f, command.CaseId),
            f => Decide(command, f, clock.GetUtcNow()), ct);
}
