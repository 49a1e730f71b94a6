using CalaisReturns.Cases.Summaries;
using JasperFx.Events.Projections;

namespace CalaisReturns.Cases;

public static class CasesModule
{
    /// <summary>Every event of the ReturneeCase stream; the event catalogue test pins their stored shape.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(CaseOpened), typeof(TravelDocumentRecorded), typeof(BarrierRaised), typeof(BarrierLifted),
        typeof(CaseClosed), typeof(PersonalDataErased),
    ];

    public static StoreOptions ConfigureCases(this StoreOptions options)
    {
        options.Events.AddEventTypes(EventTypes);
        options.Events.AddMaskingRuleForProtectedInformation<CaseOpened>(e => e with { FullName = null, DateOfBirth = null });
        options.Projections.Add(new ReturneeCaseProjection(), ProjectionLifecycle.Live);
        options.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<CaseSummary>()
            .UniqueIndex(c => c.OwningState, c => c.CaseReference)
            .Index(c => c.Status);
        return options;
    }
}
