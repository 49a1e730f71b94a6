using JasperFx.Events;

namespace CalaisReturns.Cases.Erasing;

public sealed record EraseCase(long? ExpectedVersion = null);

/// <summary>
/// Erases the person's name and date of birth once the case is closed. The erasure is recorded as
/// an event; a handler then masks the two fields in the stored <see cref="CaseOpened"/> event, so no
/// copy of them survives while every other fact, and every figure built on it, replays as before.
/// </summary>
public static class EraseCaseEndpoint
{
    public static Decision Decide(ReturneeCase @case, DateTimeOffset now) =>
        @case.Status != CaseStatus.Closed
            ? Decision.Refuse("Refusal.EraseOpen", @case.Reference)
            : @case.Erased
                ? Decision.Refuse("Refusal.AlreadyErased", @case.Reference)
                : Decision.Accept(new PersonalDataErased(@case.Id, now));

    [WolverinePost("/api/cases/{caseId}/erasure", OperationId = "EraseCase",
        Summary = "Erase the name and date of birth of a closed case")]
    [Authorize(Policy = AccessPolicies.Planner)]
    public static Task<IResult> Post(Guid caseId, EraseCase command, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct) =>
        session.Decide<ReturneeCase>(caseId, command.ExpectedVersion,
            c => CaseAccess.OwnerPlanner(Actor.From(user), c.OwningState),
            c => Decide(c, clock.GetUtcNow()), ct);
}

/// <summary>Runs after the erasure commits, through the durable outbox, so it is retried until it is done.</summary>
public static class MaskErasedPersonalDataHandler
{
    public const string Header = "personal-data-erased";

    public static Task Handle(IEvent<PersonalDataErased> erased, IDocumentStore store, CancellationToken ct) =>
        store.Advanced.ApplyEventDataMasking(mask =>
        {
            mask.IncludeStream(erased.Data.CaseId);
            mask.AddHeader(Header, erased.Data.ErasedAt.ToString("O"));
        }, ct);
}
