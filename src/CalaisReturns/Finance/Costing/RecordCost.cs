using CalaisReturns.Finance.Periods;

namespace CalaisReturns.Finance.Costing;

/// <summary>
/// Records a cost the caller's state paid. <see cref="Shared"/> defaults by category: a state's own
/// escorts, medics and interpreters are national; everything else (the charter, cancellation fees…)
/// is shared. <see cref="LineId"/> may be chosen by the client (UUIDv7) to make a retry harmless. <see cref="StopId"/>
/// names the stop the cost belongs to (landing fees, ground handling, an overnight), if any; the split stays per flight.
/// </summary>
public sealed record RecordCost(
    CostCategory Category,
    string Description,
    Money Amount,
    string InvoiceReference,
    bool? Shared = null,
    string? Reason = null,
    Guid? LineId = null,
    long? ExpectedVersion = null,
    Guid? StopId = null)
{
    public static bool SharedByDefault(CostCategory category) =>
        category is not (CostCategory.Escorts or CostCategory.Medical or CostCategory.Interpreters);

    public sealed class Validator : AbstractValidator<RecordCost>
    {
        public Validator()
        {
            RuleFor(c => c.Category).IsInEnum();
            RuleFor(c => c.Description).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Amount).SetValidator(new PositiveMoney());
            RuleFor(c => c.InvoiceReference).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Reason).MaximumLength(500);
            RuleFor(c => c.LineId).Must(id => id!.Value.Version == 7).When(c => c.LineId is not null)
                .WithMessage(_ => Texts.Get("Validation.LineIdV7"));
        }
    }
}

public static class RecordCostEndpoint
{
    public static Decision Decide(RecordCost command, FlightFinance finance, State paidBy, Guid lineId, DateTimeOffset now)
    {
        if (finance.LineOf(lineId) is not null)
        {
            return Decision.Refuse("Refusal.LineRecorded", lineId);
        }

        if (command.StopId is { } stopId && finance.StopOf(stopId) is null)
        {
            return Decision.Refuse("Refusal.UnknownStop", stopId);
        }

        if (CostShare.Compute(finance).Status == CostShareStatus.Reconciled && string.IsNullOrWhiteSpace(command.Reason))
        {
            return Decision.Refuse("Refusal.ReconciledNeedsReason");
        }

        return Decision.Accept(new CostRecorded(finance.Id, lineId, command.Category, command.Description.Trim(),
            command.Amount, paidBy, command.Shared ?? RecordCost.SharedByDefault(command.Category),
            command.InvoiceReference.Trim(), command.Reason?.Trim(), now, command.StopId));
    }

    [WolverinePost("/api/flights/{flightId}/costs", OperationId = "RecordCost", Summary = "Record a cost the caller's state paid")]
    [Authorize(Policy = AccessPolicies.Finance)]
    public static Task<IResult> Post(Guid flightId, RecordCost command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (officer, now) = (Actor.From(user), clock.GetUtcNow());
        return session.Decide<FlightLedger>(flightId, command.ExpectedVersion, l => FinanceAccess.Participant(officer, l.Facts),
            l => ClosedMonths.Guarded(session, l.Facts, command.Reason,
                () => Decide(command, l.Facts, officer.State, command.LineId ?? Guid.CreateVersion7(now), now), ct), ct);
    }
}
