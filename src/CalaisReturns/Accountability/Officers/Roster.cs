using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Accountability.Officers;

/// <summary>Enrols an officer on the caller's state's roster. The staff number is unique per state, so a retry is harmless.</summary>
public sealed record EnrolOfficer(string StaffNumber, string Name, string Grade, DateOnly CertificateExpiry,
    DateOnly RestraintTrainingExpiry)
{
    public sealed class Validator : AbstractValidator<EnrolOfficer>
    {
        public Validator()
        {
            RuleFor(c => c.StaffNumber).NotEmpty().MaximumLength(30).Matches("^[A-Za-z0-9/._-]+$")
                .WithMessage(_ => Texts.Get("Validation.StaffNumber"));
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Grade).NotEmpty().MaximumLength(80);
            RuleFor(c => c.CertificateExpiry).Must(d => d.Year >= 2000).WithMessage(_ => Texts.Get("Validation.Expiry"));
            RuleFor(c => c.RestraintTrainingExpiry).Must(d => d.Year >= 2000).WithMessage(_ => Texts.Get("Validation.Expiry"));
        }
    }
}

/// <summary>A renewed certificate or restraint training, or a new grade: the officer's qualifications as they are now.</summary>
public sealed record RenewOfficer(string Grade, DateOnly CertificateExpiry, DateOnly RestraintTrainingExpiry, long? ExpectedVersion = null)
{
    public sealed class Validator : AbstractValidator<RenewOfficer>
    {
        public Validator()
        {
            RuleFor(c => c.Grade).NotEmpty().MaximumLength(80);
            RuleFor(c => c.CertificateExpiry).Must(d => d.Year >= 2000).WithMessage(_ => Texts.Get("Validation.Expiry"));
            RuleFor(c => c.RestraintTrainingExpiry).Must(d => d.Year >= 2000).WithMessage(_ => Texts.Get("Validation.Expiry"));
        }
    }
}

public sealed record OfficerLeaves(long? ExpectedVersion = null);

public static class RosterEndpoints
{
    public static OfficerEnrolled Decide(EnrolOfficer command, Guid officerId, State state, DateTimeOffset now) =>
        new(officerId, state, command.StaffNumber, command.Name.Trim(), command.Grade.Trim(), command.CertificateExpiry,
            command.RestraintTrainingExpiry, now);

    public static Decision Decide(RenewOfficer command, Officer officer, DateTimeOffset now) =>
        officer.LeftAt is not null
            ? Decision.Refuse("Refusal.OfficerLeft", officer.StaffNumber)
            : Decision.Accept(new OfficerQualificationsRenewed(officer.Id, command.Grade.Trim(), command.CertificateExpiry,
                command.RestraintTrainingExpiry, now));

    public static Decision Decide(OfficerLeaves _, Officer officer, DateTimeOffset now) =>
        officer.LeftAt is not null
            ? Decision.Refuse("Refusal.OfficerLeft", officer.StaffNumber)
            : Decision.Accept(new OfficerLeft(officer.Id, now));

    /// <summary>Only the officer's own state's planners see or change an officer's details.</summary>
    public static Text? OwnStatePlanner(Actor actor, State state) =>
        actor.IsPlannerOf(state) ? null : new Text("Forbidden.OwnOfficers", state);

    [WolverinePost("/api/officers", OperationId = "EnrolOfficer", Summary = "Enrol an escort officer, medic or interpreter on the caller's state's roster")]
    [Authorize(Policy = AccessPolicies.Planner)]
    [ProducesResponseType<Accepted>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(EnrolOfficer command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var state = Actor.From(user).State;
        var existing = await session.Query<Officer>()
            .FirstOrDefaultAsync(o => o.State == state && o.StaffNumber == command.StaffNumber, ct);
        if (existing is not null)
        {
            return Problems.Refused(new Text("Refusal.StaffNumberEnrolled", state, command.StaffNumber, existing.Id));
        }

        var now = clock.GetUtcNow();
        var officerId = Guid.CreateVersion7(now);
        session.Events.StartStream<Officer>(officerId, Decide(command, officerId, state, now));
        return Results.Created($"/api/officers/{officerId}", new Accepted(officerId, 1));
    }

    [WolverineGet("/api/officers", OperationId = "GetOfficers", Summary = "The caller's state's roster, by staff number")]
    [Authorize(Policy = AccessPolicies.Planner)]
    [ProducesResponseType<IReadOnlyList<Officer>>(StatusCodes.Status200OK)]
    public static Task<IReadOnlyList<Officer>> Get(IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        Of(session, Actor.From(user).State, ct);

    /// <summary>The typed query of the endpoint and the pages: a state's roster, by staff number.</summary>
    public static async Task<IReadOnlyList<Officer>> Of(IQuerySession session, State state, CancellationToken ct) =>
        await session.Query<Officer>().Where(o => o.State == state).OrderBy(o => o.StaffNumber).ToListAsync(ct);

    [WolverinePost("/api/officers/{officerId}/renewal", OperationId = "RenewOfficer",
        Summary = "Record an officer's renewed certificate or restraint training, or new grade")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Renew(Guid officerId, RenewOfficer command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Officer>(officerId, command.ExpectedVersion, o => OwnStatePlanner(Actor.From(user), o.State),
            o => Decide(command, o, clock.GetUtcNow()), ct);

    [WolverinePost("/api/officers/{officerId}/leaving", OperationId = "OfficerLeaves",
        Summary = "Take an officer off the roster; the name is erased once the retention period has passed")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Leave(Guid officerId, OfficerLeaves command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<Officer>(officerId, command.ExpectedVersion, o => OwnStatePlanner(Actor.From(user), o.State),
            o => Decide(command, o, clock.GetUtcNow()), ct);
}
