using CalaisReturns.Cases.Summaries;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Cases.Opening;

/// <summary>
/// Opens the case of one person for the caller's own state. The case reference (Home Office
/// reference, AGDREF number) is unique per state, which also makes a retried request harmless.
/// </summary>
public sealed record OpenCase(string CaseReference, string FullName, string Nationality, DateOnly DateOfBirth)
{
    public sealed class Validator : AbstractValidator<OpenCase>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.CaseReference).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9/._-]+$")
                .WithMessage(_ => Texts.Get("Validation.CaseReference"));
            RuleFor(c => c.FullName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Nationality).Must(Codes.IsCountry)
                .WithMessage(_ => Texts.Get("Validation.Nationality"));
            RuleFor(c => c.DateOfBirth)
                .Must(d => d < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) && d.Year >= 1900)
                .WithMessage(_ => Texts.Get("Validation.DateOfBirth"));
        }
    }
}

public static class OpenCaseEndpoint
{
    public static CaseOpened Decide(OpenCase command, Guid caseId, State owningState, DateTimeOffset now) =>
        new(caseId, owningState, command.CaseReference, command.FullName.Trim(), command.Nationality,
            command.DateOfBirth, now);

    [WolverinePost("/api/cases", OperationId = "OpenCase", Summary = "Open a case for the caller's state")]
    [Authorize(Policy = AccessPolicies.Planner)]
    [ProducesResponseType<Accepted>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(OpenCase command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var state = Actor.From(user).State;
        var existing = await session.Query<CaseSummary>()
            .FirstOrDefaultAsync(c => c.OwningState == state && c.CaseReference == command.CaseReference, ct);
        if (existing is not null)
        {
            return Problems.Refused(new Text("Refusal.CaseReferenceOpen", state, command.CaseReference, existing.Id));
        }

        var now = clock.GetUtcNow();
        var caseId = Guid.CreateVersion7(now);
        session.Events.StartStream<ReturneeCase>(caseId, Decide(command, caseId, state, now));
        return Results.Created($"/api/cases/{caseId}", new Accepted(caseId, 1));
    }
}
