using CalaisReturns.Accountability.Complaints;
using CalaisReturns.Accountability.Incidents;
using CalaisReturns.Accountability.Officers;
using CalaisReturns.Cases.Erasing;
using JasperFx.Events;

namespace CalaisReturns.Accountability.Erasing;

/// <summary>Erase the officers' names, incidents' narratives and complaints' texts whose retention period has passed.</summary>
public sealed record EraseExpiredAccountabilityData;

/// <summary>
/// The retention rule of the accountability records (<see cref="AccountabilityRules"/>): an officer's name some time after
/// leaving the roster, an incident's narratives some time after the incident, a complaint's texts some time after its
/// outcome. Each erasure is an event on the record's own stream; the masking follows through the outbox. A record
/// already erased is not selected, so a second run changes nothing.
/// </summary>
public static class AccountabilityRetentionHandler
{
    private const string Process = "personal-data-retention";

    public static async Task Handle(EraseExpiredAccountabilityData _, IDocumentSession session, TimeProvider clock,
        AccountabilityRules rules, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var officersBefore = now - TimeSpan.FromDays(rules.OfficerRetentionDays);
        var incidentsBefore = now - TimeSpan.FromDays(rules.NarrativeRetentionDays);
        var complaintsBefore = now - TimeSpan.FromDays(rules.ComplaintRetentionDays);
        var officers = await session.Query<Officer>().Where(o => !o.Erased && o.LeftAt != null && o.LeftAt < officersBefore)
            .Select(o => o.Id).ToListAsync(ct);
        var incidents = await session.Query<Incident>().Where(i => !i.Erased && i.RecordedAt < incidentsBefore)
            .Select(i => i.Id).ToListAsync(ct);
        var complaints = await session.Query<Complaint>().Where(c => !c.Erased && c.ConcludedAt != null && c.ConcludedAt < complaintsBefore)
            .Select(c => c.Id).ToListAsync(ct);
        if (officers.Count + incidents.Count + complaints.Count == 0)
        {
            return;
        }

        // Caused by the passing of time, not by one event: no causation, a correlation of its own.
        EventMetadata.StampSystem(session, Process, cause: null);
        await Erase<Officer>(session, officers, o => o.Erased, id => new OfficerPersonalDataErased(id, now), ct);
        await Erase<Incident>(session, incidents, i => i.Erased, id => new IncidentNarrativeErased(id, now), ct);
        await Erase<Complaint>(session, complaints, c => c.Erased, id => new ComplaintTextErased(id, now), ct);
    }

    /// <summary>Each record's erasure on its own stream, locked first; one erased meanwhile is left as it is.</summary>
    private static async Task Erase<T>(IDocumentSession session, IEnumerable<Guid> ids, Func<T, bool> erased, Func<Guid, object> erasure,
        CancellationToken ct) where T : class
    {
        foreach (var id in ids)
        {
            var stream = await session.Events.FetchForExclusiveWriting<T>(id, ct);
            if (stream.Aggregate is { } record && !erased(record))
            {
                stream.AppendOne(erasure(id));
            }
        }
    }
}

/// <summary>Each erasure, once committed, masks its stream (<see cref="PersonalDataMasking"/>).</summary>
public static class MaskErasedAccountabilityDataHandler
{
    public static Task Handle(IEvent<OfficerPersonalDataErased> erased, IDocumentStore store, IConfiguration configuration,
        CancellationToken ct) =>
        PersonalDataMasking.Mask(store, configuration, erased.StreamId, erased.Version, "mt_doc_officer", ct);

    public static Task Handle(IEvent<IncidentNarrativeErased> erased, IDocumentStore store, IConfiguration configuration,
        CancellationToken ct) =>
        PersonalDataMasking.Mask(store, configuration, erased.StreamId, erased.Version, "mt_doc_incident", ct);

    public static Task Handle(IEvent<ComplaintTextErased> erased, IDocumentStore store, IConfiguration configuration,
        CancellationToken ct) =>
        PersonalDataMasking.Mask(store, configuration, erased.StreamId, erased.Version, "mt_doc_complaint", ct);
}
