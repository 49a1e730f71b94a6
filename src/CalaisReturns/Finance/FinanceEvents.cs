
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

/// <param name="Reason">Given when the flight's month is closed (and for any change there).</param>
public sealed record CostSplitAgreed(Guid FlightId, Guid ProposalId, State AgreedBy, DateTimeOffset AgreedAt, string? Reason = null);

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
    DateTimeOffset RecordedAt,
    string? Reason = null);

public sealed record SettlementRecorded(
    Guid FlightId,
    Guid SettlementId,
    State Payer,
    State Payee,
    Money Amount,
    string Reference,
    DateOnly PaidOn,
    DateTimeOffset RecordedAt,
    string? Reason = null);

public sealed record CostShareConfirmed(Guid FlightId, State State, DateTimeOffset ConfirmedAt);

/// <summary>What a supporting document proves: a cost line, external funding or a grant, a settlement, or the charter contract.</summary>
public enum DocumentSubject
{
    Line,
    Funding,
    Grant,
    Settlement,
    Charter,
}

/// <summary>
/// A file attached as proof. The bytes are stored beside the event, in the same transaction; the event seals their
/// SHA-256, so that a download can tell the file is the one attached. <see cref="SubjectId"/> is null for the charter.
/// </summary>
public sealed record SupportingDocumentAttached(
    Guid FlightId,
    Guid DocumentId,
    DocumentSubject Subject,
    Guid? SubjectId,
    string FileName,
    string MediaType,
    long Size,
    string Sha256,
    State AttachedBy,
    DateTimeOffset AttachedAt);

/// <summary>The document no longer supports anything; its bytes are kept until the retention period ends.</summary>
public sealed record SupportingDocumentRemoved(Guid FlightId, Guid DocumentId, string Reason, DateTimeOffset RemovedAt);

/// <summary>The retention period of a removed document ended and its bytes were deleted; the digest stays sealed.</summary>
public sealed record SupportingDocumentDeleted(Guid FlightId, Guid DocumentId, DateTimeOffset DeletedAt);

/// <summary>A funder decided to co-finance the flight: money the recipient state may claim until the deadline.</summary>
public sealed record GrantDecided(
    Guid FlightId,
    Guid GrantId,
    string Funder,
    State Recipient,
    Money Amount,
    string Reference,
    DateOnly DecidedOn,
    DateOnly ClaimDeadline,
    DateTimeOffset RecordedAt);

public sealed record GrantClaimed(
    Guid FlightId,
    Guid GrantId,
    Money Amount,
    IReadOnlyList<Guid> Documents,
    DateOnly ClaimedOn,
    DateTimeOffset RecordedAt);

/// <param name="Difference">Why the amount paid differs from the amount claimed; null when it does not.</param>
public sealed record GrantPaid(
    Guid FlightId,
    Guid GrantId,
    Money Amount,
    DateOnly PaidOn,
    string? Difference,
    string? Reason,
    DateTimeOffset RecordedAt);

public sealed record GrantRejected(Guid FlightId, Guid GrantId, string Reason, DateTimeOffset RecordedAt);
