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

    /// <summary>A change to the figures withdraws earlier confirmations: both states confirm what is now there.</summary>
    private FlightFinance Reopened() => this with { ConfirmedBy = [] };

    private ImmutableList<CostLine> Change(Guid lineId, Func<CostLine, CostLine> change) =>
        [.. Lines.Select(l => l.LineId == lineId ? change(l) : l)];
}
