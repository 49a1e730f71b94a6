using CalaisReturns.Accountability.Officers;
using CalaisReturns.Cases;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Accountability.Complaints;

/// <summary>A complaint on behalf of a returnee (the case) about an officer, optionally about one flight.</summary>
public sealed record MakeComplaint(Guid CaseId, Guid OfficerId, [property: MultiLine] string Text, Guid? FlightId = null)
{
    public sealed class Validator : AbstractValidator<MakeComplaint>
    {
        public Validator()
        {
            RuleFor(c => c.CaseId).NotEmpty();
            RuleFor(c => c.OfficerId).NotEmpty();
            RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
        }
    }
}

public sealed record AcknowledgeComplaint(long? ExpectedVersion = null);

public sealed record ConcludeComplaint(ComplaintOutcome Outcome, [property: MultiLine] string Summary, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<ConcludeComplaint>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).IsInEnum();
            RuleFor(c => c.Summary).NotEmpty().MaximumLength(4000);
        }
    }
}

public static class ComplaintRules
{
    public static ComplaintMade Decide(MakeComplaint command, Guid complaintId, ReturneeCase @case, Officer officer, State madeBy,
        DateTimeOffset now) =>
        new(complaintId, @case.Id, @case.Reference, officer.Id, officer.StaffNumber, officer.State, madeBy, command.FlightId,
            command.Text.Trim(), now);

    public static Decision Receive(Complaint complaint, DateTimeOffset now) =>
        complaint.ReceivedAt is { } at ? Decision.Refuse("Refusal.ComplaintReceived", new ReaderTime(at))
        : Decision.Accept(new ComplaintReceived(complaint.Id, now));

    public static Decision Examine(Complaint complaint, DateTimeOffset now) =>
        complaint.ReceivedAt is null ? Decision.Refuse("Refusal.ComplaintNotReceived")
        : complaint.ExaminationStartedAt is { } at ? Decision.Refuse("Refusal.ComplaintExamined", new ReaderTime(at))
        : complaint.ConcludedAt is { } concluded ? Decision.Refuse("Refusal.ComplaintConcluded", new ReaderTime(concluded))
        : Decision.Accept(new ComplaintExaminationStarted(complaint.Id, now));

    /// <summary>Concluded once examined; a complaint withdrawn may be concluded as soon as it is received.</summary>
    public static Decision Conclude(ConcludeComplaint command, Complaint complaint, DateTimeOffset now) =>
        complaint.ConcludedAt is { } concluded ? Decision.Refuse("Refusal.ComplaintConcluded", new ReaderTime(concluded))
        : complaint.ReceivedAt is null ? Decision.Refuse("Refusal.ComplaintNotReceived")
        : complaint.ExaminationStartedAt is null && command.Outcome != ComplaintOutcome.Withdrawn
            ? Decision.Refuse("Refusal.ComplaintNotExamined")
        : Decision.Accept(new ComplaintConcluded(complaint.Id, command.Outcome, command.Summary.Trim(), now));

    /// <summary>The officer's state's planners handle the complaint.</summary>
    public static Text? Handler(Actor actor, Complaint complaint) => Handler(actor, complaint.OfficerState);

    public static Text? Handler(Actor actor, State officerState) =>
        actor.IsPlannerOf(officerState) ? null : new Text("Forbidden.ComplaintHandler", officerState);
}

/// <summary>
/// A complaint as read. The texts are for the planners of the officer's state (who handle it) and of the state that made it;
/// auditors read everything else.
/// </summary>
public sealed record ComplaintView(
    Guid ComplaintId,
    Guid CaseId,
    string CaseReference,
    Guid OfficerId,
    string StaffNumber,
    State OfficerState,
    State MadeBy,
    Guid? FlightId,
    ComplaintStatus Status,
    DateTimeOffset MadeAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? ExaminationStartedAt,
    ComplaintOutcome? Outcome,
    DateTimeOffset? ConcludedAt,
    string? Text,
    string? OutcomeSummary,
    bool TextWithheld,
    bool TextErased,
    long Version)
{
    public static ComplaintView Of(Complaint c, bool withText) =>
        new(c.Id, c.CaseId, c.CaseReference, c.OfficerId, c.StaffNumber, c.OfficerState, c.MadeBy, c.FlightId, c.Status, c.MadeAt,
            c.ReceivedAt, c.ExaminationStartedAt, c.Outcome, c.ConcludedAt, withText ? c.Text : null, withText ? c.OutcomeSummary : null,
            !withText, c.Erased, c.Version);
}

public static class ComplaintEndpoints
{
    [WolverinePost("/api/complaints", OperationId = "MakeComplaint",
        Summary = "A complaint on behalf of a returnee about an officer: routed to the officer's state")]
    [Authorize(Policy = AccessPolicies.Crew)]
    [ProducesResponseType<Accepted>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(MakeComplaint command, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (await session.Events.FetchLatest<ReturneeCase>(command.CaseId, ct) is not { } @case)
        {
            return Problems.NotFound("Case", command.CaseId);
        }

        if (await session.Events.FetchLatest<Officer>(command.OfficerId, ct) is not { } officer)
        {
            return Problems.NotFound("Officer", command.OfficerId);
        }

        // Those who relay a complaint are the people of the case's state, or of the officer's (the escorts on board).
        if (actor.State != @case.OwningState && actor.State != officer.State)
        {
            return Problems.Forbidden(new Text("Forbidden.ComplaintMaker", @case.OwningState, officer.State));
        }

        if (command.FlightId is { } flightId
            && (await session.Events.FetchLatest<Flights.Flight>(flightId, ct) is not { } flight || flight.OfficerOf(officer.Id) is null))
        {
            return Problems.Refused(new Text("Refusal.ComplaintOfficerNotOnFlight", officer.StaffNumber));
        }

        var now = clock.GetUtcNow();
        var complaintId = Guid.CreateVersion7(now);
        session.Events.StartStream<Complaint>(complaintId, ComplaintRules.Decide(command, complaintId, @case, officer, actor.State, now));
        return Results.Created($"/api/complaints/{complaintId}", new Accepted(complaintId, 1));
    }

    [WolverineGet("/api/complaints", OperationId = "GetComplaints",
        Summary = "Complaints routed to the caller's state (its officers') and made by it; all of them, without their texts, for auditors")]
    [Authorize(Policy = AccessPolicies.Reader)]
    [ProducesResponseType<IReadOnlyList<ComplaintView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        await Query(session, Actor.From(user), ct) is { } complaints
            ? Results.Ok(complaints)
            : Problems.Forbidden(new Text("Forbidden.Complaints"));

    /// <summary>
    /// The typed query of the endpoint and the page: a planner's state's complaints (its officers' and those it made), with
    /// their texts; every complaint without them for auditors and admins; null for anyone else.
    /// </summary>
    public static async Task<IReadOnlyList<ComplaintView>?> Query(IQuerySession session, Actor actor, CancellationToken ct)
    {
        switch (actor.Role)
        {
            case Role.Planner:
                var state = actor.State;
                var ours = await session.Query<Complaint>().Where(c => c.OfficerState == state || c.MadeBy == state)
                    .OrderByDescending(c => c.MadeAt).Take(500).ToListAsync(ct);
                return [.. ours.Select(c => ComplaintView.Of(c, withText: true))];
            case Role.Auditor or Role.Admin:
                var all = await session.Query<Complaint>().OrderByDescending(c => c.MadeAt).Take(500).ToListAsync(ct);
                return [.. all.Select(c => ComplaintView.Of(c, withText: false))];
            default:
                return null;
        }
    }

    [WolverinePost("/api/complaints/{complaintId}/receipt", OperationId = "ReceiveComplaint",
        Summary = "The officer's state records that it received the complaint")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Receive(Guid complaintId, AcknowledgeComplaint command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Complaint>(complaintId, command.ExpectedVersion, c => ComplaintRules.Handler(Actor.From(user), c),
            c => ComplaintRules.Receive(c, clock.GetUtcNow()), ct);

    [WolverinePost("/api/complaints/{complaintId}/examination", OperationId = "ExamineComplaint",
        Summary = "The officer's state records that it began examining the complaint")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Examine(Guid complaintId, AcknowledgeComplaint command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Complaint>(complaintId, command.ExpectedVersion, c => ComplaintRules.Handler(Actor.From(user), c),
            c => ComplaintRules.Examine(c, clock.GetUtcNow()), ct);

    [WolverinePost("/api/complaints/{complaintId}/outcome", OperationId = "ConcludeComplaint",
        Summary = "The officer's state records the outcome: Upheld, PartlyUpheld, NotUpheld or Withdrawn, with a summary")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Conclude(Guid complaintId, ConcludeComplaint command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Complaint>(complaintId, command.ExpectedVersion, c => ComplaintRules.Handler(Actor.From(user), c),
            c => ComplaintRules.Conclude(command, c, clock.GetUtcNow()), ct);
}
