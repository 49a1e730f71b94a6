using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using CalaisReturns.Flights;
using JasperFx.Events.Projections;

namespace CalaisReturns.Finance;

public static class FinanceModule
{
    /// <summary>The finance events of the ReturnsFlight stream; the event catalogue test pins their stored shape.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(CostSplitProposed), typeof(CostSplitAgreed), typeof(CostRecorded), typeof(CostCorrected),
        typeof(CostWithdrawn), typeof(ExchangeRateFixed), typeof(ExternalFundingReceived), typeof(SettlementRecorded),
        typeof(CostShareConfirmed), typeof(GrantDecided), typeof(GrantClaimed), typeof(GrantPaid), typeof(GrantRejected),
    ];

    /// <summary>The events of the month closure streams (one per month closed).</summary>
    public static readonly IReadOnlyList<Type> PeriodEventTypes =
        [typeof(Periods.MonthClosedBy), typeof(Periods.MonthClosed), typeof(Periods.MonthReopeningAsked), typeof(Periods.MonthReopened)];

    /// <summary>The events of the budget streams (one per state and fiscal year).</summary>
    public static readonly IReadOnlyList<Type> BudgetEventTypes = [typeof(Budgets.BudgetSet)];

    /// <summary>
    /// The supporting documents' events: folded into the finance facts, but they change no figure and decide nothing
    /// another officer is deciding, so attaching a file never makes the other state's open page stale.
    /// </summary>
    public static readonly IReadOnlyList<Type> DocumentEventTypes =
        [typeof(SupportingDocumentAttached), typeof(SupportingDocumentRemoved), typeof(SupportingDocumentDeleted)];

    /// <summary>
    /// The operational events whose facts finance decisions use (states, seats, who flew, cancellation, the stops a cost
    /// may name): a planner's change of these makes a finance officer's version stale, and nothing else a planner does.
    /// </summary>
    public static readonly IReadOnlyList<Type> OperationalFactsDecidedOn =
    [
        typeof(FlightPlanned), typeof(SeatsAllocated), typeof(FlightDeparted), typeof(FlightCancelled), typeof(StopAdded),
        typeof(StopRemoved),
    ];

    /// <summary>
    /// Every event folded into <see cref="FlightFinance"/>: the above, the finance events, the supporting documents, the
    /// reschedule (a report's month), the stops' order (how the countries of return are listed) and the charter's price (budgets).
    /// </summary>
    public static readonly IReadOnlyList<Type> FactTypes =
        [.. OperationalFactsDecidedOn, .. EventTypes, .. DocumentEventTypes, typeof(FlightRescheduled), typeof(StopsReordered),
            typeof(CharterBooked)];

    /// <summary>Every event type the finance module stores, on the flight's stream and on its own (budgets, closures).</summary>
    public static IReadOnlyList<Type> AllEventTypes => [.. EventTypes, .. DocumentEventTypes, .. BudgetEventTypes, .. PeriodEventTypes];

    private static readonly HashSet<Type> DecidedOn = [.. OperationalFactsDecidedOn, .. EventTypes];

    /// <summary>Whether an event bears on finance decisions: it moves the finance version.</summary>
    public static bool Bears(Type eventType) => DecidedOn.Contains(eventType);

    public static StoreOptions ConfigureFinance(this StoreOptions options)
    {
        options.Events.AddEventTypes(AllEventTypes);
        Documenting.SupportingFiles.AddTable(options);
        options.Projections.Add(new Budgets.BudgetProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new Periods.PeriodClosureProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Periods.PeriodClosure>().Index(c => c.Month);
        options.Projections.Add<FlightLedgerProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<FlightCostShareProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CostShareReportEntryProjection>(ProjectionLifecycle.Async);
        // Each entry's reported figures in a column of their own, which the reports read instead of the document: text,
        // so that a database upgraded from before fills it with null (its entries are reported from their facts until the
        // projection is rebuilt). Its index holds only those unfilled entries, which is what the fallback looks for.
        options.Schema.For<CostShareReportEntry>().Index(m => m.Month)
            .Duplicate(m => m.ReportedJson!, pgType: "text",
                configure: index => index.Predicate = $"{CostShareReportEntry.ReportedColumn} is null")
            // And the months its departure has been in, which an as-of report searches (an upgraded database's are null
            // until the projection is rebuilt; the report then searches the events).
            .Duplicate(m => m.Months, pgType: "varchar[]", configure: index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
        return options;
    }
}
