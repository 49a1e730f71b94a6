using CalaisReturns.Core.Http;
using CalaisReturns.Flights;

namespace CalaisReturns.Accountability.Incidents;

/// <summary>Force used, as the report's body gives it.</summary>
public sealed record UseOfForceInput(RestraintTechnique Technique, DateTimeOffset StartedAt, DateTimeOffset EndedAt, Guid AuthorisedBy,
    bool MedicalAttentionGiven = false);

/// <summary>What an incident report states, first recorded or amended.</summary>
public interface IIncidentReport
{
    DateTimeOffset OccurredAt { get; }
    IncidentPhase Phase { get; }
    IncidentCategory Category { get; }
    string Narrative { get; }
    bool Serious { get; }
    Guid? StopId { get; }
    IReadOnlyList<Guid>? CaseIds { get; }
    IReadOnlyList<Guid>? OfficerIds { get; }
    UseOfForceInput? UseOfForce { get; }
}

/// <summary>The checks of a report's own fields, for a first report and an amendment alike.</summary>
public class IncidentReportValidator<T> : AbstractValidator<T> where T : IIncidentReport
{
    public const int NarrativeLength = 4000;

    public IncidentReportValidator()
    {
        RuleFor(c => c.Phase).IsInEnum();
        RuleFor(c => c.Category).IsInEnum();
        RuleFor(c => c.Narrative).NotEmpty().MaximumLength(NarrativeLength);
        RuleFor(c => c.CaseIds).Must(ids => ids is null || (ids.Count <= 50 && ids.Distinct().Count() == ids.Count))
            .WithMessage(_ => Texts.Get("Validation.DistinctIds"));
        RuleFor(c => c.OfficerIds).Must(ids => ids is null || (ids.Count <= 50 && ids.Distinct().Count() == ids.Count))
            .WithMessage(_ => Texts.Get("Validation.DistinctIds"));
        RuleFor(c => c.UseOfForce).NotNull().When(c => c.Category == IncidentCategory.UseOfForce)
            .WithMessage(_ => Texts.Get("Validation.UseOfForceNeeded"));
        When(c => c.UseOfForce is not null, () =>
        {
            RuleFor(c => c.UseOfForce!.Technique).IsInEnum().OverridePropertyName("UseOfForce.Technique");
            RuleFor(c => c.UseOfForce!.EndedAt).GreaterThan(c => c.UseOfForce!.StartedAt).OverridePropertyName("UseOfForce.EndedAt")
                .WithMessage(_ => Texts.Get("Validation.ForceEndsAfterStart"));
            RuleFor(c => c.UseOfForce!.StartedAt).GreaterThanOrEqualTo(c => c.OccurredAt).OverridePropertyName("UseOfForce.StartedAt")
                .WithMessage(_ => Texts.Get("Validation.ForceAfterIncident"));
            RuleFor(c => c.UseOfForce!.AuthorisedBy).NotEmpty().OverridePropertyName("UseOfForce.AuthorisedBy");
        });
    }
}

/// <summary>
/// An incident on the flight: when, where (a stop, or the leg leaving it), in which phase, of which category, the cases
/// and officers involved, whether serious, what happened, and any force used. <see cref="StopId"/> may be left out on a
/// flight with one leg, where the phase says which end.
/// </summary>
public sealed record RecordIncident(
    DateTimeOffset OccurredAt,
    IncidentPhase Phase,
    IncidentCategory Category,
    [property: MultiLine] string Narrative,
    bool Serious = false,
    Guid? StopId = null,
    IReadOnlyList<Guid>? CaseIds = null,
    IReadOnlyList<Guid>? OfficerIds = null,
    UseOfForceInput? UseOfForce = null) : IIncidentReport
{
    public sealed class Validator : IncidentReportValidator<RecordIncident>;
}

/// <summary>The whole report stated again, with what changed and why: a report is never edited.</summary>
public sealed record AmendIncident(
    DateTimeOffset OccurredAt,
    IncidentPhase Phase,
    IncidentCategory Category,
    [property: MultiLine] string Narrative,
    [property: MultiLine] string Reason,
    bool Serious = false,
    Guid? StopId = null,
    IReadOnlyList<Guid>? CaseIds = null,
    IReadOnlyList<Guid>? OfficerIds = null,
    UseOfForceInput? UseOfForce = null,
    long? ExpectedVersion = null) : IIncidentReport
{
    public sealed class Validator : IncidentReportValidator<AmendIncident>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

/// <summary>That the serious-incident report was sent, to whom, with the recipient's reference if any.</summary>
public sealed record ReportSeriousIncident(string SentTo, string? Reference = null, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ReportSeriousIncident>
    {
        public Validator()
        {
            RuleFor(c => c.SentTo).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Reference).MaximumLength(100);
        }
    }
}

/// <summary>The rules a report's facts must keep against the flight they happened on: pure, tested without a database.</summary>
public static class IncidentRules
{
    /// <summary>How long after now an incident's or force's time may be (clocks differ a little).</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>The facts the report states, or why the flight refuses them.</summary>
    public static (IncidentFacts? Facts, Decision? Refusal) Check(IIncidentReport report, Flight flight, AccountabilityRules rules,
        DateTimeOffset now)
    {
        var dutyFrom = rules.Duty(flight.ScheduledDeparture, flight.Stops.Select(s => s.Scheduled)).From;
        if (report.OccurredAt < dutyFrom)
        {
            return (null, Decision.Refuse("Refusal.IncidentBeforeDuty", new ReaderTime(dutyFrom)));
        }

        if (report.OccurredAt > now + Skew || report.UseOfForce?.EndedAt > now + Skew)
        {
            return (null, Decision.Refuse("Refusal.IncidentInFuture"));
        }

        var (stop, refusal) = StopOf(report, flight);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if ((report.CaseIds ?? []).Where(id => !flight.EverManifested.Contains(id)).ToList() is [var stranger, ..])
        {
            return (null, Decision.Refuse("Refusal.IncidentCaseNotOnFlight", stranger));
        }

        var named = (report.OfficerIds ?? []).Concat(report.UseOfForce is { } force ? [force.AuthorisedBy] : []);
        if (named.Where(id => flight.OfficerOf(id) is null).ToList() is [var unknown, ..])
        {
            return (null, Decision.Refuse("Refusal.IncidentOfficerNotOnFlight", unknown));
        }

        return (new IncidentFacts(report.OccurredAt, stop!.StopId, report.Phase, report.Category, report.CaseIds ?? [],
            report.OfficerIds ?? [], report.Serious, report.UseOfForce is { } used
                ? new UseOfForce(used.Technique, used.StartedAt, used.EndedAt, used.AuthorisedBy, used.MedicalAttentionGiven)
                : null), null);
    }

    /// <summary>Whether two statements of the facts say the same (lists compared by their items).</summary>
    public static bool Same(IncidentFacts a, IncidentFacts b) =>
        a with { CaseIds = Array.Empty<Guid>(), OfficerIds = Array.Empty<Guid>() } == b with { CaseIds = Array.Empty<Guid>(), OfficerIds = Array.Empty<Guid>() }
        && a.CaseIds.SequenceEqual(b.CaseIds) && a.OfficerIds.SequenceEqual(b.OfficerIds);

    /// <summary>
    /// The stop the report names, checked against its phase: before departure and at boarding, a stop where people board;
    /// in flight, the leg leaving a stop (not the last); at a stopover, a stop between the first and the last; at a
    /// hand-over, a drop-off. Left out on a one-leg flight, the phase says which end (a stopover has none).
    /// </summary>
    public static (FlightStop? Stop, Decision? Refusal) StopOf(IIncidentReport report, Flight flight)
    {
        var stops = flight.Stops;
        FlightStop? stop;
        if (report.StopId is { } id)
        {
            stop = flight.StopOf(id);
            if (stop is null)
            {
                return (null, Decision.Refuse("Refusal.UnknownStop", id));
            }
        }
        else if (stops.Count == 2 && report.Phase != IncidentPhase.Stopover)
        {
            stop = report.Phase == IncidentPhase.Handover ? stops[1] : stops[0];
        }
        else
        {
            return (null, Decision.Refuse("Refusal.IncidentNameStop", stops.Count));
        }

        var index = flight.IndexOf(stop.StopId);
        var fits = report.Phase switch
        {
            IncidentPhase.PreDeparture or IncidentPhase.Boarding => stop.Kind != StopKind.DropOff,
            IncidentPhase.InFlight => index < stops.Count - 1,
            IncidentPhase.Stopover => index > 0 && index < stops.Count - 1,
            _ => stop.IsDropOff(),
        };
        return fits ? (stop, null) : (null, Decision.Refuse($"Refusal.IncidentPhaseStop.{report.Phase}", stop.Airport));
    }
}

public static class RecordIncidentEndpoint
{
    public static Decision Decide(RecordIncident command, Guid incidentId, State reportedBy, Flight flight, AccountabilityRules rules,
        DateTimeOffset now)
    {
        var (facts, refusal) = IncidentRules.Check(command, flight, rules, now);
        return refusal ?? Decision.Accept(new IncidentRecorded(incidentId, flight.Id, reportedBy, facts!, command.Narrative.Trim(), now));
    }

    public static Decision Decide(AmendIncident command, Incident incident, Flight flight, AccountabilityRules rules, DateTimeOffset now)
    {
        if (incident.Erased)
        {
            return Decision.Refuse("Refusal.IncidentErased");
        }

        var (facts, refusal) = IncidentRules.Check(command, flight, rules, now);
        return refusal ?? (IncidentRules.Same(facts!, incident.Facts) && command.Narrative.Trim() == incident.Narrative
            ? Decision.Refuse("Refusal.IncidentUnchanged")
            : Decision.Accept(new IncidentAmended(incident.Id, facts!, command.Narrative.Trim(), command.Reason.Trim(), now)));
    }

    public static Decision Decide(ReportSeriousIncident command, Incident incident, DateTimeOffset now) =>
        !incident.Facts.Serious ? Decision.Refuse("Refusal.IncidentNotSerious")
        : incident.SeriousReport is { } sent ? Decision.Refuse("Refusal.SeriousReportSent", new ReaderTime(sent.ReportedAt))
        : Decision.Accept(new SeriousIncidentReported(incident.Id, command.SentTo.Trim(), command.Reference?.Trim(), now));

    /// <summary>Planners and escort leaders of a state taking part in the flight record what happens on board.</summary>
    public static Text? Crew(Actor actor, Flight flight) => Crew(actor, flight.ParticipatingStates);

    /// <summary>The same rule on the flight as the schedule shows it: whether the flight page offers the incident form.</summary>
    public static Text? Crew(Actor actor, Flights.Scheduling.FlightSchedule flight) => Crew(actor, flight.ParticipatingStates);

    private static Text? Crew(Actor actor, IEnumerable<State> participating) =>
        participating.Contains(actor.State) && actor.IsCrewOf(actor.State) ? null : new Text("Forbidden.IncidentCrew");

    /// <summary>A report is the reporting state's: its planners and escort leaders amend it and send it on.</summary>
    public static Text? ReportingCrew(Actor actor, Incident incident) =>
        actor.IsCrewOf(incident.ReportedBy) ? null : new Text("Forbidden.IncidentReporter", incident.ReportedBy);

    [WolverinePost("/api/flights/{flightId}/incidents", OperationId = "RecordIncident",
        Summary = "Record an incident on the flight (planners and escort leaders of a state taking part)")]
    [Authorize(Policy = AccessPolicies.Crew)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<Accepted>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid flightId, RecordIncident command, IDocumentSession session, TimeProvider clock,
        AccountabilityRules rules, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (await session.Events.FetchLatest<Flight>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        if (Crew(actor, flight) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        var now = clock.GetUtcNow();
        var incidentId = Guid.CreateVersion7(now);
        var decision = Decide(command, incidentId, actor.State, flight, rules, now);
        if (decision.Refusal is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        session.Events.StartStream<Incident>(incidentId, decision.Events);
        return Results.Created($"/api/flights/{flightId}/incidents/{incidentId}", new Accepted(incidentId, 1));
    }

    [WolverinePost("/api/flights/{flightId}/incidents/{incidentId}/amendment", OperationId = "AmendIncident",
        Summary = "Amend an incident report: the whole report again, with the reason")]
    [Authorize(Policy = AccessPolicies.Crew)]
    public static async Task<IResult> Amend(Guid flightId, Guid incidentId, AmendIncident command, IDocumentSession session,
        TimeProvider clock, AccountabilityRules rules, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await session.Events.FetchLatest<Flight>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        return await session.Decide<Incident>(incidentId, command.ExpectedVersion,
            i => i.FlightId != flightId ? new Text("Forbidden.IncidentOfOtherFlight") : ReportingCrew(Actor.From(user), i),
            i => Decide(command, i, flight, rules, clock.GetUtcNow()), ct);
    }

    [WolverinePost("/api/flights/{flightId}/incidents/{incidentId}/serious-report", OperationId = "ReportSeriousIncident",
        Summary = "Record that a serious incident's report was sent, and to whom")]
    [Authorize(Policy = AccessPolicies.Crew)]
    public static Task<IResult> ReportSerious(Guid flightId, Guid incidentId, ReportSeriousIncident command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Incident>(incidentId, command.ExpectedVersion,
            i => i.FlightId != flightId ? new Text("Forbidden.IncidentOfOtherFlight") : ReportingCrew(Actor.From(user), i),
            i => Decide(command, i, clock.GetUtcNow()), ct);
}
