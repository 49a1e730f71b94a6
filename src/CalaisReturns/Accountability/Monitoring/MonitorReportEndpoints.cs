using CalaisReturns.Core.Http;
using CalaisReturns.Flights;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Accountability.Monitoring;

/// <summary>A monitor's note of what was seen during the operation, where and when.</summary>
public sealed record RecordObservation(DateTimeOffset ObservedAt, [property: MultiLine] string Text, Guid? StopId = null)
{
    public sealed class Validator : AbstractValidator<RecordObservation>
    {
        public Validator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
    }
}

public sealed record FindingInput([property: MultiLine] string Text, FindingSeverity Severity);

/// <summary>The monitor's report: its findings, each with a severity. Submitted once, after the flight left.</summary>
public sealed record SubmitMonitorReport(IReadOnlyList<FindingInput> Findings)
{
    public sealed class Validator : AbstractValidator<SubmitMonitorReport>
    {
        public Validator()
        {
            RuleFor(c => c.Findings).NotNull().Must(f => f is null || f.Count <= 100);
            RuleForEach(c => c.Findings).ChildRules(f =>
            {
                f.RuleFor(x => x.Text).NotEmpty().MaximumLength(4000);
                f.RuleFor(x => x.Severity).IsInEnum();
            });
        }
    }
}

/// <summary>The lead state's answer to a finding: accepted with the action taken, or rejected with why.</summary>
public sealed record AnswerFinding(bool Accepted, [property: MultiLine] string? Action = null, [property: MultiLine] string? Reason = null,
    long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<AnswerFinding>
    {
        public Validator()
        {
            RuleFor(c => c.Action).NotEmpty().MaximumLength(4000).When(c => c.Accepted)
                .WithMessage(_ => Texts.Get("Validation.FindingAction"));
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000).When(c => !c.Accepted)
                .WithMessage(_ => Texts.Get("Validation.FindingReason"));
            RuleFor(c => c.Action).Empty().When(c => !c.Accepted).WithMessage(_ => Texts.Get("Validation.FindingActionOrReason"));
            RuleFor(c => c.Reason).Empty().When(c => c.Accepted).WithMessage(_ => Texts.Get("Validation.FindingActionOrReason"));
        }
    }
}

public static class MonitorReportRules
{
    /// <summary>Observations are made from the booking until the report is submitted, on a flight not cancelled.</summary>
    public static Decision Decide(RecordObservation command, Flight flight, MonitorReport? report, string organisation, Guid observationId,
        DateTimeOffset now)
    {
        if (flight.Status == FlightStatus.Cancelled)
        {
            return Decision.Refuse("Refusal.Cancelled");
        }

        if (report?.SubmittedAt is { } submitted)
        {
            return Decision.Refuse("Refusal.MonitorReportSubmitted", new ReaderTime(submitted));
        }

        if (command.ObservedAt > now + Incidents.IncidentRules.Skew)
        {
            return Decision.Refuse("Refusal.ObservationInFuture");
        }

        if (command.StopId is { } stopId && flight.StopOf(stopId) is null)
        {
            return Decision.Refuse("Refusal.UnknownStop", stopId);
        }

        return Decision.Accept(new MonitorObservationRecorded(MonitorReport.IdFor(flight.Id), flight.Id, organisation, observationId,
            command.ObservedAt, command.StopId, command.Text.Trim(), now));
    }

    /// <summary>The report once the flight has left (a cancelled flight has no operation to report on), once.</summary>
    public static Decision Decide(SubmitMonitorReport command, Flight flight, MonitorReport? report, string organisation,
        Func<Guid> newId, DateTimeOffset now)
    {
        if (flight.Status is not (FlightStatus.Departed or FlightStatus.Completed))
        {
            return Decision.Refuse("Refusal.MonitorReportBeforeDeparture");
        }

        return report?.SubmittedAt is { } submitted
            ? Decision.Refuse("Refusal.MonitorReportSubmitted", new ReaderTime(submitted))
            : Decision.Accept(new MonitorReportSubmitted(MonitorReport.IdFor(flight.Id), flight.Id, organisation,
                [.. command.Findings.Select(f => new MonitorFinding(newId(), f.Text.Trim(), f.Severity))], now));
    }

    public static Decision Decide(AnswerFinding command, MonitorReport report, Guid findingId, State leadState, DateTimeOffset now) =>
        report.Findings.Find(f => f.FindingId == findingId) switch
        {
            null => Decision.Refuse("Refusal.UnknownFinding", findingId),
            { Answer: { } answer } => Decision.Refuse("Refusal.FindingAnswered", new ReaderTime(answer.AnsweredAt)),
            _ => Decision.Accept(new MonitorFindingAnswered(report.Id, findingId, leadState, command.Accepted,
                command.Accepted ? command.Action!.Trim() : null, command.Accepted ? null : command.Reason!.Trim(), now)),
        };
}

/// <summary>One finding as read: the monitor's text and severity, the lead state's answer.</summary>
public sealed record MonitorReportView(
    Guid ReportId,
    Guid FlightId,
    string FlightReference,
    State LeadState,
    string Organisation,
    MonitorReportStatus Status,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Finding> Findings,
    int FindingsAnswered,
    int FindingsOpen,
    long Version)
{
    public static MonitorReportView Of(MonitorReport report, string reference, State leadState) =>
        new(report.Id, report.FlightId, reference, leadState, report.Organisation, report.Status, report.SubmittedAt, report.ClosedAt,
            report.Observations, report.Findings, report.Findings.Count(f => f.Answer is not null),
            report.SubmittedAt is null ? 0 : report.Findings.Count(f => f.Answer is null), report.Version);
}

public static class MonitorReportEndpoints
{
    /// <summary>Only a monitor of the organisation the lead planner named on the flight writes its report.</summary>
    public static Text? AssignedMonitor(Actor actor, Flight flight) =>
        actor.MonitorsFor(flight.MonitorOrganisation) ? null : new Text("Forbidden.NotMonitored");

    /// <summary>The monitor's report is read by the flight's states' planners, auditors, admins and its monitors.</summary>
    public static Text? Reader(Actor actor, Flights.Scheduling.FlightSchedule flight) => actor.Role switch
    {
        Role.Planner when flight.ParticipatingStates.Contains(actor.State) => null,
        Role.Auditor or Role.Admin => null,
        Role.Monitor when actor.MonitorsFor(flight.MonitorOrganisation) => null,
        _ => new Text("Forbidden.MonitorReport"),
    };

    [WolverinePost("/api/flights/{flightId}/monitor-report/observations", OperationId = "RecordObservation",
        Summary = "A monitor's observation during the operation")]
    [Authorize(Policy = AccessPolicies.Monitor)]
    [ProducesResponseType<Accepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Observe(Guid flightId, RecordObservation command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        Write(session, flightId, user, (flight, report, organisation) =>
            MonitorReportRules.Decide(command, flight, report, organisation, Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow()), ct);

    [WolverinePost("/api/flights/{flightId}/monitor-report", OperationId = "SubmitMonitorReport",
        Summary = "The monitor's report of findings, each with a severity, once the flight has left")]
    [Authorize(Policy = AccessPolicies.Monitor)]
    [ProducesResponseType<Accepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Submit(Guid flightId, SubmitMonitorReport command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        Write(session, flightId, user, (flight, report, organisation) =>
            MonitorReportRules.Decide(command, flight, report, organisation, () => Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow()), ct);

    /// <summary>The monitor's writes: the report's stream locked, the flight read for the assignment and the route.</summary>
    private static async Task<IResult> Write(IDocumentSession session, Guid flightId, ClaimsPrincipal user,
        Func<Flight, MonitorReport?, string, Decision> decide, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (await session.Events.FetchLatest<Flight>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        if (AssignedMonitor(actor, flight) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        var stream = await session.Events.FetchForExclusiveWriting<MonitorReport>(MonitorReport.IdFor(flightId), ct);
        var decision = decide(flight, stream.Aggregate, flight.MonitorOrganisation!);
        if (decision.Refusal is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        stream.AppendMany(decision.Events);
        return Results.Ok(new Accepted(stream.Id, stream.CurrentVersion ?? 0));
    }

    [WolverinePost("/api/flights/{flightId}/monitor-report/findings/{findingId}/response", OperationId = "AnswerFinding",
        Summary = "The lead state's answer to a finding: accepted with the action, or rejected with the reason")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static async Task<IResult> Answer(Guid flightId, Guid findingId, AnswerFinding command, IDocumentSession session,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await session.Events.FetchLatest<Flight>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        return await session.Decide<MonitorReport>(MonitorReport.IdFor(flightId), command.ExpectedVersion,
            _ => FlightAccess.LeadPlanner(Actor.From(user), flight.LeadState),
            r => MonitorReportRules.Decide(command, r, findingId, flight.LeadState, clock.GetUtcNow()), ct);
    }

    [WolverineGet("/api/flights/{flightId}/monitor-report", OperationId = "GetMonitorReport",
        Summary = "The monitor's report: status (Open or Closed), observations, findings and the lead state's answers; asOf for how it stood then")]
    [Authorize(Policy = AccessPolicies.FlightReader)]
    [ProducesResponseType<MonitorReportView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid flightId, string? asOf, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var (travel, errors) = TimeTravel.Parse(asOf, null);
        if (travel is null)
        {
            return Problems.Invalid(errors);
        }

        if (await session.LoadAsync<Flights.Scheduling.FlightSchedule>(flightId, ct) is not { } flight)
        {
            return Problems.NotFound("Flight", flightId);
        }

        if (Reader(Actor.From(user), flight) is { } forbidden)
        {
            return Problems.Forbidden(forbidden);
        }

        var report = await travel.Load<MonitorReport>(session, MonitorReport.IdFor(flightId), ct);
        return report is null
            ? Problems.NotFound("MonitorReport", MonitorReport.IdFor(flightId))
            : Results.Ok(MonitorReportView.Of(report, flight.Reference, flight.LeadState));
    }
}
