using CalaisReturns.Finance.Reporting;
using CalaisReturns.Finance.Sharing;
using JasperFx.Events.Projections;

namespace CalaisReturns.Finance;

public static class FinanceModule
{
    /// <summary>The finance events of the ReturnsFlight stream; the event catalogue test pins their stored shape.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(CostSplitProposed), typeof(CostSplitAgreed), typeof(CostRecorded), typeof(CostCorrected),
        typeof(CostWithdrawn), typeof(ExchangeRateFixed), typeof(ExternalFundingReceived), typeof(SettlementRecorded),
        typeof(CostShareConfirmed),
    ];

    public static StoreOptions ConfigureFinance(this StoreOptions options)
    {
        options.Events.AddEventTypes(EventTypes);
        options.Projections.Add<FlightCostShareProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CostShareReportEntryProjection>(ProjectionLifecycle.Async);
        options.Schema.For<CostShareReportEntry>().Index(m => m.Month);
        return options;
    }
}
