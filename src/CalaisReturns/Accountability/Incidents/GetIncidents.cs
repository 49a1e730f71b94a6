using CalaisReturns.Core.Http;
using CalaisReturns.Flights;
using CalaisReturns.Flights.Scheduling;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Accountability.Incidents;

/// <summary>A person on a report, by reference (a case) or staff number (an officer): never by name.</summary>
public sealed record NamedBy(Guid Id, string Reference, State? State);

public sealed record UseOfForceView(
    RestraintTechnique Technique,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double DurationMinutes,
    NamedBy AuthorisedBy,
    bool MedicalAttentionGiven);

public sealed record SeriousReportView(
    DateTimeOffset DueAt,
    SeriousReportStatus Status,
    bool Late,
    string? SentTo,
    string? Reference,
    DateTimeOffset? ReportedAt);

/// <summary>
/// One incident as its readers see it. <see cref="Narrative"/> is for the planners and escort leaders of the flight's
/// states; for anyone else (auditors, monitors) it is withheld, and it is gone once erased.
/// </summary>
public sealed record IncidentView(
    Guid IncidentId,
    Guid FlightId,
    string FlightReference,
    State ReportedBy,
    DateTimeOffset OccurredAt,
    Guid StopId,
    string Airport,
    IncidentPhase Phase,
    IncidentCategory Category,
    IReadOnlyList<NamedBy> Cases,
    IReadOnlyList<NamedBy> Officers,
    bool Serious,
    UseOfForceView? UseOfForce,
    SeriousReportView? SeriousReport,
    string? Narrative,
    bool NarrativeWithheld,
    bool NarrativeErased,
    DateTimeOffset RecordedAt,
    IReadOnlyList<IncidentAmendment> Amendments,
    long Version)
{
    /// <summary>The incident as the reader may see it; the flight gives the references, staff numbers and airports.</summary>
    public static IncidentView Of(Incident incident, FlightSchedule flight, bool withNarrative, AccountabilityRules rules,
        DateTimeOffset now)
    {
        NamedBy Officer(Guid id) => flight.Officers.Find(o => o.OfficerId == id) is { } o
            ? new NamedBy(id, o.StaffNumber, o.State)
            : new NamedBy(id, "?", null);
        var facts = incident.Facts;
        return new IncidentView(incident.Id, incident.FlightId, flight.Reference, incident.ReportedBy, facts.OccurredAt, facts.StopId,
            flight.Stops.Find(s => s.StopId == facts.StopId)?.Airport ?? "?", facts.Phase, facts.Category,
            [.. facts.CaseIds.Select(id => flight.Manifest.Find(m => m.CaseId == id) is { } line
                ? new NamedBy(id, line.CaseReference, line.State)
                : new NamedBy(id, "?", null))],
            [.. facts.OfficerIds.Select(Officer)], facts.Serious,
            facts.UseOfForce is { } force
                ? new UseOfForceView(force.Technique, force.StartedAt, force.EndedAt, (force.EndedAt - force.StartedAt).TotalMinutes,
                    Officer(force.AuthorisedBy), force.MedicalAttentionGiven)
                : null,
            incident.ReportDueAt(rules) is { } due
                ? new SeriousReportView(due, incident.ReportStatus(rules, now)!.Value, incident.ReportLate(rules, now),
                    incident.SeriousReport?.SentTo, incident.SeriousReport?.Reference, incident.SeriousReport?.ReportedAt)
                : null,
            withNarrative ? incident.Narrative : null, !withNarrative, incident.Erased, incident.RecordedAt, incident.Amendments,
            incident.Version);
    }
}

/// <summary>Who reads a flight's incidents, and whether with their narratives.</summary>
public static class IncidentAccess
{
    public static (Text? Forbidden, bool Narratives) For(Actor actor, FlightSchedule flight) => actor.Role switch
    {
        Role.Planner or Role.EscortLeader when flight.ParticipatingStates.Contains(actor.State) => (null, true),
        Role.Auditor or Role.Admin => (null, false),
        Role.Monitor when actor.MonitorsFor(flight.MonitorOrganisation) => (null, false),
        _ => (new Text("Forbidden.Incidents"), false),
    };
}

public static class GetIncidentsEndpoint
{
    /// <summary>The flight's incidents now, or as they stood at an instant (each replayed from its own events).</summary>
    public static async Task<IReadOnlyList<Incident>> Of(IQuerySession session, Guid flightId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var now = await session.Query<Incident>().Where(i => i.FlightId == flightId).OrderBy(i => i.Facts.OccurredAt).ToListAsync(ct);
        if (asOf is not { } instant)
        {
            return now;
        }

        var then = new List<Incident>();
        foreach (var incident in now.Where(i => i.RecordedAt <= instant))
        {
            if (await session.Events.AggregateStreamAsync<Incident>(incident.Id, timestamp: instant, token: ct) is { } stood)
            {
                // A narrative erased since is not brought back by replaying to before the erasure: the events hold it no more.
                then.Add(stood);
            }
        }

        return then;
    }

    [WolverineGet("/api/flights/{flightId}/incidents", OperationId = "GetIncidents",
        Summary = "The flight's incidents, each with its use of force's duration and its serious report's deadline; asOf for how they stood then")]
    [Authorize(Policy = AccessPolicies.FlightReader)]
    [ProducesResponseType<IReadOnlyList<IncidentView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, string? asOf, IQuerySession session, TimeProvider clock,
        AccountabilityRules rules, ClaimsPrincipal user, CancellationToken ct)
    {
        var (travel, errors) = TimeTravel.Parse(asOf, null);
        if (travel is null)
        {
            return Problems.Invalid(errors);
        }

        if (await session.LoadAsync<FlightSchedule>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        var (forbidden, views) = await Views(session, flight, Actor.From(user), travel.AsOf, rules, clock.GetUtcNow(), ct);
        return forbidden is null ? Results.Ok(views) : Problems.Forbidden(forbidden);
    }

    /// <summary>
    /// The typed query of the endpoint and the flight page: the flight's incidents as the reader may see them (now, or as
    /// they stood at an instant), or why the reader may not.
    /// </summary>
    public static async Task<(Text? Forbidden, IReadOnlyList<IncidentView> Incidents)> Views(IQuerySession session, FlightSchedule flight,
        Actor reader, DateTimeOffset? asOf, AccountabilityRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var (forbidden, narratives) = IncidentAccess.For(reader, flight);
        if (forbidden is not null)
        {
            return (forbidden, []);
        }

        var incidents = await Of(session, flight.Id, asOf, ct);
        return (null, [.. incidents.Select(i => IncidentView.Of(i, flight, narratives, rules, asOf ?? now))]);
    }
}
