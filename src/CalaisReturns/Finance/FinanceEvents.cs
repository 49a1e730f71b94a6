
namespace CalaisReturns.Finance;

// Finance events of the ReturnsFlight stream. Facts only: no totals, no shares, no balances; every
// figure is computed from these by CostShare.Compute. Corrections are new events with a reason.

public enum CostCategory
{
    Charter,
    Escorts,
    Medical,
    Interpreters,
    Monitoring,
    GroundHandling,
    Accommodation,
    Cancellation,
    Other,
}

public enum SplitBasis
{
    FixedRatio,
    PerSeatAllocated,
    PerReturneeFlown,
}

public sealed record StatePercent(State State, decimal Percent);

public sealed record CostSplitProposed(
    Guid FlightId,
    Guid ProposalId,
    SplitBasis Basis,
    IReadOnlyList<StatePercent> Ratios,
    Currency SettlementCurrency,
    State ProposedBy,
    DateTimeOffset ProposedAt);

public sealed record CostSplitAgreed(Guid FlightId, Guid ProposalId, State AgreedBy, DateTimeOffset AgreedAt);

/// <param name="Reason">Required once the flight is reconciled: a new cost reopens it.</param>
public sealed record CostRecorded(
    Guid FlightId,
    Guid LineId,
    CostCategory Category,
    string Description,
    Money Amount,
    State PaidBy,
    bool Shared,
    string InvoiceReference,
    string? Reason,
    DateTimeOffset RecordedAt,
    Guid? StopId = null);

public sealed record CostCorrected(Guid FlightId, Guid LineId, Money NewAmount, string Reason, DateTimeOffset CorrectedAt);

public sealed record CostWithdrawn(Guid FlightId, Guid LineId, string Reason, DateTimeOffset WithdrawnAt);

/// <param name="Reason">Required when it replaces an earlier rate.</param>
public sealed record ExchangeRateFixed(
    Guid FlightId,
    decimal EurPerGbp,
    DateOnly RateDate,
    string Source,
    string? Reason,
    DateTimeOffset FixedAt);

public sealed record ExternalFundingReceived(
    Guid FlightId,
    Guid FundingId,
    string Funder,
    State ReceivedBy,
    Money Amount,
    string Reference,
    DateTimeOffset RecordedAt);

public sealed record SettlementRecorded(
    Guid FlightId,
    Guid SettlementId,
    State Payer,
    State Payee,
    Money Amount,
    string Reference,
    DateOnly PaidOn,
    DateTimeOffset RecordedAt);

public sealed record CostShareConfirmed(Guid FlightId, State State, DateTimeOffset ConfirmedAt);
