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
    bool Withdrawn);

public sealed record SplitTerms(SplitBasis Basis, IReadOnlyList<StatePercent> Ratios, Currency SettlementCurrency);

public sealed record SplitProposal(Guid ProposalId, SplitTerms Terms, State ProposedBy);

public sealed record ExternalFunding(Guid FundingId, string Funder, State ReceivedBy, Money Amount, string Reference);

public sealed record Settlement(Guid SettlementId, State Payer, State Payee, Money Amount, string Reference, DateOnly PaidOn);

/// <summary>
/// The finance facts of one flight, folded from the ReturnsFlight stream: the write model of the
/// finance commands and, unchanged, the input of <see cref="CostShare.Compute"/> for the per-flight
/// cost share, the period reports and every as-of replay. It holds no personal data.
/// </summary>
public sealed record FlightFinance(
    Guid Id,
    string Reference,
    State LeadState,
    ImmutableList<State> States,
    string CountryOfReturn,
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
    public static FlightFinance Create(FlightPlanned e) =>
        new(e.FlightId, e.Reference, e.LeadState, [.. e.ParticipatingStates], e.CountryOfReturn, e.ScheduledDeparture,
            false, false, ImmutableDictionary<State, int>.Empty, ImmutableDictionary<State, int>.Empty, [], null, null,
            null, [], [], []);

    public FlightFinance Apply(FlightRescheduled e) => this with { ScheduledDeparture = e.NewDeparture };

    public FlightFinance Apply(SeatsAllocated e) =>
        this with { SeatsAllocated = SeatsAllocated.SetItems(e.Allocations.Select(a => KeyValuePair.Create(a.State, a.Seats))) };

    public FlightFinance Apply(FlightDeparted e) =>
        this with { Departed = true, OnBoard = e.ReturneesOnBoard.ToImmutableDictionary(c => c.State, c => c.Returnees) };

    public FlightFinance Apply(FlightCancelled _) => this with { Cancelled = true };

    public FlightFinance Apply(CostSplitProposed e) =>
        this with { Proposal = new SplitProposal(e.ProposalId, new SplitTerms(e.Basis, e.Ratios, e.SettlementCurrency), e.ProposedBy) };

    public FlightFinance Apply(CostSplitAgreed _) => Reopened() with { Split = Proposal!.Terms, Proposal = null };

    public FlightFinance Apply(CostRecorded e) =>
        Reopened() with
        {
            Lines = Lines.Add(new CostLine(e.LineId, e.Category, e.Description, e.Amount, e.PaidBy, e.Shared,
                e.InvoiceReference, false)),
        };

    public FlightFinance Apply(CostCorrected e) => Reopened() with { Lines = Change(e.LineId, l => l with { Amount = e.NewAmount }) };

    public FlightFinance Apply(CostWithdrawn e) => Reopened() with { Lines = Change(e.LineId, l => l with { Withdrawn = true }) };

    public FlightFinance Apply(ExchangeRateFixed e) => Reopened() with { Rate = new ExchangeRate(e.EurPerGbp, e.RateDate, e.Source) };

    public FlightFinance Apply(ExternalFundingReceived e) =>
        Reopened() with { Fundings = Fundings.Add(new ExternalFunding(e.FundingId, e.Funder, e.ReceivedBy, e.Amount, e.Reference)) };

    public FlightFinance Apply(SettlementRecorded e) =>
        this with { Settlements = Settlements.Add(new Settlement(e.SettlementId, e.Payer, e.Payee, e.Amount, e.Reference, e.PaidOn)) };

    public FlightFinance Apply(CostShareConfirmed e) => this with { ConfirmedBy = ConfirmedBy.Add(e.State) };

    /// <summary>Folds one event: the same steps Marten takes when it loads the stream as a <see cref="FlightFinance"/>.</summary>
    public static FlightFinance Fold(FlightFinance? finance, object @event) => (finance, @event) switch
    {
        (null, FlightPlanned e) => Create(e),
        (null, _) => throw new InvalidOperationException($"A flight stream must start with {nameof(FlightPlanned)}."),
        (_, FlightRescheduled e) => finance.Apply(e),
        (_, SeatsAllocated e) => finance.Apply(e),
        (_, FlightDeparted e) => finance.Apply(e),
        (_, FlightCancelled e) => finance.Apply(e),
        (_, CostSplitProposed e) => finance.Apply(e),
        (_, CostSplitAgreed e) => finance.Apply(e),
        (_, CostRecorded e) => finance.Apply(e),
        (_, CostCorrected e) => finance.Apply(e),
        (_, CostWithdrawn e) => finance.Apply(e),
        (_, ExchangeRateFixed e) => finance.Apply(e),
        (_, ExternalFundingReceived e) => finance.Apply(e),
        (_, SettlementRecorded e) => finance.Apply(e),
        (_, CostShareConfirmed e) => finance.Apply(e),
        _ => finance,
    };

    public bool Participates(State state) => States.Contains(state);

    public CostLine? LineOf(Guid lineId) => Lines.FirstOrDefault(l => l.LineId == lineId);

    /// <summary>A change to the figures withdraws earlier confirmations: both states confirm what is now there.</summary>
    private FlightFinance Reopened() => this with { ConfirmedBy = [] };

    private ImmutableList<CostLine> Change(Guid lineId, Func<CostLine, CostLine> change) =>
        [.. Lines.Select(l => l.LineId == lineId ? change(l) : l)];
}
