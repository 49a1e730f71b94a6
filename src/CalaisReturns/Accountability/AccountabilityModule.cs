using CalaisReturns.Accountability.Complaints;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Monitoring;
using CalaisReturns.Accountability.Officers;
using JasperFx.Events.Projections;

namespace CalaisReturns.Accountability;

public static class AccountabilityModule
{
    public static readonly IReadOnlyList<Type> OfficerEvents =
        [typeof(OfficerEnrolled), typeof(OfficerQualificationsRenewed), typeof(OfficerLeft), typeof(OfficerPersonalDataErased)];

    public static readonly IReadOnlyList<Type> IncidentEvents =
        [typeof(IncidentRecorded), typeof(IncidentAmended), typeof(SeriousIncidentReported), typeof(IncidentNarrativeErased)];

    public static readonly IReadOnlyList<Type> MonitorReportEvents =
        [typeof(MonitorObservationRecorded), typeof(MonitorReportSubmitted), typeof(MonitorFindingAnswered)];

    public static readonly IReadOnlyList<Type> ComplaintEvents =
        [typeof(ComplaintMade), typeof(ComplaintReceived), typeof(ComplaintExaminationStarted), typeof(ComplaintConcluded),
            typeof(ComplaintTextErased)];

    /// <summary>Every event of the accountability streams; the event catalogue test pins their stored shape.</summary>
    public static readonly IReadOnlyList<Type> EventTypes = [.. OfficerEvents, .. IncidentEvents, .. MonitorReportEvents, .. ComplaintEvents];

    public static StoreOptions ConfigureAccountability(this StoreOptions options)
    {
        options.Events.AddEventTypes(EventTypes);
        // Erasure masks exactly the personal fields, in place; every other fact replays as before.
        options.Events.AddMaskingRuleForProtectedInformation<OfficerEnrolled>(e => e with { Name = null });
        options.Events.AddMaskingRuleForProtectedInformation<IncidentRecorded>(e => e with { Narrative = null });
        options.Events.AddMaskingRuleForProtectedInformation<IncidentAmended>(e => e with { Narrative = null });
        options.Events.AddMaskingRuleForProtectedInformation<ComplaintMade>(e => e with { Text = null });
        options.Events.AddMaskingRuleForProtectedInformation<ComplaintConcluded>(e => e with { Summary = null });

        options.Projections.Add(new OfficerProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new IncidentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new MonitorReportProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ComplaintProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Officer>().UniqueIndex(o => o.State, o => o.StaffNumber);
        options.Schema.For<Incident>().Index(i => i.FlightId).Index(i => i.RecordedAt);
        options.Schema.For<MonitorReport>().Index(r => r.FlightId);
        options.Schema.For<Complaint>().Index(c => c.OfficerState).Index(c => c.MadeBy);
        return options;
    }
}
