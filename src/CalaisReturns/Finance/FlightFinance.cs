using System.Collections.Immutable;
using CalaisReturns.Flights;

namespace CalaisReturns.Finance;

public sealed record CostLine(
    Guid LineId,
    CostCategory Category,
    string Description,
    Money Amount,
    State PaidBy,
    bool Shared,
    string InvoiceReference,
    bool Withdrawn,
    Guid? StopId = null);

public sealed record SplitTerms(SplitBasis Basis, IReadOnlyList<StatePercent> Ratios, Currency SettlementCurrency);

public sealed record SplitProposal(Guid ProposalId, SplitTerms Terms, State ProposedBy);

public sealed record ExternalFunding(Guid FundingId, string Funder, State ReceivedBy, Money Amount, string Reference);

public sealed record Settlement(Guid SettlementId, State Payer, State Payee, Money Amount, string Reference, DateOnly PaidOn);

/// <param name="Removed">No longer supports its subject (the reason is in the history).</param>
/// <param name="Deleted">Its bytes are gone: removed, and kept until its retention ended.</param>
public sealed record SupportingDocument(
    Guid DocumentId,
    DocumentSubject Subject,
    Guid? SubjectId,
    string FileName,
    string MediaType,
    long Size,
    string Sha256,
    State AttachedBy,
    DateTimeOffset AttachedAt,
    bool Removed = false,
    bool Deleted = false);

public enum GrantStatus
{
    Decided,
    Claimed,
    Paid,
    Rejected,
}

/// <summary>External co-financing over its life (DESIGN.md "Grant"): decided, claimed, then paid or rejected.</summary>
public sealed record Grant(
    Guid GrantId,
    string Funder,
    State Recipient,
    Money Amount,
    string Reference,
    DateOnly DecidedOn,
    DateOnly ClaimDeadline,
    GrantStatus Status = GrantStatus.Decided,
    Money? Claimed = null,
    DateOnly? ClaimedOn = null,
    IReadOnlyList<Guid>? ClaimDocuments = null,
    Money? Paid = null,
    DateOnly? PaidOn = null,
    string? Difference = null,
    string? RejectionReason = null)
{
    /// <summary>What is still expected while it is not paid or rejected: the claim once made, the grant until then.</summary>
    public Money? Expected => Status switch
    {
        GrantStatus.Decided => Amount,
        GrantStatus.Claimed => Claimed,
        _ => null,
    };
}

/// <summary>
/// The finance facts of one flight, folded from the ReturnsFlight stream with <see cref="Fold"/>: what
/// the finance decisions use (<see cref="FlightLedger"/>) and the one input of <see cref="CostShare.Compute"/>
/// for the per-flight cost share, the period reports and every as-of replay. It holds no personal data.
/// </summary>
public sealed record FlightFinance(
    Guid Id,
    string Reference,
    State LeadState,
    ImmutableList<State> States,
    ImmutableList<FlightStop> Stops,
    DateTimeOffset ScheduledDeparture,
    bool Cancelled,
    bool Departed,
    ImmutableDictionary<State, int> SeatsAllocated,
    ImmutableDictionary<State, int> OnBoard,
    ImmutableList<CostLine> Lines,
    SplitProposal? Proposal,
    SplitTerms? Split,
    ExchangeRate? Rate,
    ImmutableList<ExternalFunding> Fundings,
    ImmutableList<Settlement> Settlements,
    ImmutableList<State> ConfirmedBy)
{
    /// <summary>The charter's contract price once booked: what the budgets count as committed until costs are recorded.</summary>
    public Money? ContractPrice { get; init; }

    /// <summary>When the charter was booked: the order in which flights took a budget's money.</summary>
    public DateTimeOffset? BookedAt { get; init; }

    public ImmutableList<SupportingDocument> Documents { get; init; } = [];

    public ImmutableList<Grant> Grants { get; init; } = [];

    /// <summary>Folds one event's data; events that carry no finance fact leave the facts as they are (the same instance).</summary>
    public static FlightFinance Fold(FlightFinance? finance, object @event) => (finance, @event) switch
    {
        (null, FlightPlanned e) => new(e.FlightId, e.Reference, e.LeadState, [.. e.ParticipatingStates], [.. FlightRoute.Of(e)],
            e.ScheduledDeparture, false, false, ImmutableDictionary<State, int>.Empty, ImmutableDictionary<State, int>.Empty,
            [], null, null, null, [], [], []),
        (null, _) => throw new InvalidOperationException($"A flight stream must start with {nameof(FlightPlanned)}."),
        (_, FlightRescheduled e) => finance with { ScheduledDeparture = e.NewDeparture },
        (_, StopAdded or StopRemoved or StopsReordered) => finance with { Stops = FlightRoute.Changed(finance.Stops, @event) },
        (_, SeatsAllocated e) => finance with
        {
            SeatsAllocated = finance.SeatsAllocated.SetItems(e.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats))),
        },
        (_, FlightDeparted e) => finance with
        {
            Departed = true, OnBoard = e.ReturneesOnBoard.ToImmutableDictionary(c => c.State, c => c.Returnees),
        },
        (_, FlightCancelled) => finance with { Cancelled = true },
        (_, CostSplitProposed e) => finance with
        {
            Proposal = new SplitProposal(e.ProposalId, new SplitTerms(e.Basis, e.Ratios, e.SettlementCurrency), e.ProposedBy),
        },
        (_, CostSplitAgreed) => finance.Reopened() with { Split = finance.Proposal!.Terms, Proposal = null },
        (_, CostRecorded e) => finance.Reopened() with
        {
            Lines = finance.Lines.Add(new CostLine(e.LineId, e.Category, e.Description, e.Amount, e.PaidBy, e.Shared,
                e.InvoiceReference, false, e.StopId)),
        },
        (_, CostCorrected e) => finance.Reopened() with { Lines = finance.Change(e.LineId, l => l with { Amount = e.NewAmount }) },
        (_, CostWithdrawn e) => finance.Reopened() with { Lines = finance.Change(e.LineId, l => l with { Withdrawn = true }) },
        (_, ExchangeRateFixed e) => finance.Reopened() with { Rate = new ExchangeRate(e.EurPerGbp, e.RateDate, e.Source) },
        (_, ExternalFundingReceived e) => finance.Reopened() with
        {
            Fundings = finance.Fundings.Add(new ExternalFunding(e.FundingId, e.Funder, e.ReceivedBy, e.Amount, e.Reference)),
        },
        (_, SettlementRecorded e) => finance with
        {
            Settlements = finance.Settlements.Add(new Settlement(e.SettlementId, e.Payer, e.Payee, e.Amount, e.Reference, e.PaidOn)),
        },
        (_, CostShareConfirmed e) => finance with { ConfirmedBy = finance.ConfirmedBy.Add(e.State) },
        (_, CharterBooked e) => finance with { ContractPrice = e.ContractPrice, BookedAt = e.BookedAt },
        (_, SupportingDocumentAttached e) => finance with
        {
            Documents = finance.Documents.Add(new SupportingDocument(e.DocumentId, e.Subject, e.SubjectId, e.FileName,
                e.MediaType, e.Size, e.Sha256, e.AttachedBy, e.AttachedAt)),
        },
        (_, SupportingDocumentRemoved e) => finance with { Documents = finance.ChangeDocument(e.DocumentId, d => d with { Removed = true }) },
        (_, SupportingDocumentDeleted e) => finance with { Documents = finance.ChangeDocument(e.DocumentId, d => d with { Deleted = true }) },
        (_, GrantDecided e) => finance with
        {
            Grants = finance.Grants.Add(new Grant(e.GrantId, e.Funder, e.Recipient, e.Amount, e.Reference, e.DecidedOn,
                e.ClaimDeadline)),
        },
        (_, GrantClaimed e) => finance with
        {
            Grants = finance.ChangeGrant(e.GrantId, g => g with
            {
                Status = GrantStatus.Claimed, Claimed = e.Amount, ClaimedOn = e.ClaimedOn, ClaimDocuments = e.Documents,
            }),
        },
        // Only a payment moves the figures: what a state was paid counts against what it paid (DESIGN.md "External funding").
        (_, GrantPaid e) => finance.Reopened() with
        {
            Grants = finance.ChangeGrant(e.GrantId, g => g with
            {
                Status = GrantStatus.Paid, Paid = e.Amount, PaidOn = e.PaidOn, Difference = e.Difference,
            }),
        },
        (_, GrantRejected e) => finance with
        {
            Grants = finance.ChangeGrant(e.GrantId, g => g with { Status = GrantStatus.Rejected, RejectionReason = e.Reason }),
        },
        _ => finance,
    };

    public bool Participates(State state) => States.Contains(state);

    /// <summary>
    /// The countries of return of the flight's drop-offs in route order, joined with "+" (<c>NG+GH</c>): how the reports
    /// group it. A flight's costs are not divided between its countries.
    /// </summary>
    public string CountryOfReturn => string.Join("+", FlightRoute.Countries(Stops));

    public FlightStop? StopOf(Guid stopId) => Stops.Find(s => s.StopId == stopId);

    public CostLine? LineOf(Guid lineId) => Lines.FirstOrDefault(l => l.LineId == lineId);

    public Grant? GrantOf(Guid grantId) => Grants.Find(g => g.GrantId == grantId);

    public SupportingDocument? DocumentOf(Guid documentId) => Documents.Find(d => d.DocumentId == documentId);

    /// <summary>The external funding each state has received: recorded as received, and grants paid.</summary>
    public IEnumerable<(State State, Money Amount)> FundingReceived =>
        Fundings.Select(f => (f.ReceivedBy, f.Amount))
            .Concat(Grants.Where(g => g.Status == GrantStatus.Paid).Select(g => (g.Recipient, g.Paid!.Value)));

    /// <summary>A change to the figures withdraws earlier confirmations: both states confirm what is now there.</summary>
    private FlightFinance Reopened() => this with { ConfirmedBy = [] };

    private ImmutableList<SupportingDocument> ChangeDocument(Guid documentId, Func<SupportingDocument, SupportingDocument> change) =>
        [.. Documents.Select(d => d.DocumentId == documentId ? change(d) : d)];

    private ImmutableList<Grant> ChangeGrant(Guid grantId, Func<Grant, Grant> change) =>
        [.. Grants.Select(g => g.GrantId == grantId ? change(g) : g)];

    private ImmutableList<CostLine> Change(Guid lineId, Func<CostLine, CostLine> change) =>
        [.. Lines.Select(l => l.LineId == lineId ? change(l) : l)];
}
