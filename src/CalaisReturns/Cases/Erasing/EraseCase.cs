using CalaisReturns.Auditing.Sealing;
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

/// <summary>
/// Runs after the erasure commits, through the durable outbox, so it is retried until it is done: masks the name and
/// date of birth in place (<see cref="PersonalDataMasking"/>).
/// </summary>
public static class MaskErasedPersonalDataHandler
{
    public static Task Handle(IEvent<PersonalDataErased> erased, IDocumentStore store, IConfiguration configuration,
        CancellationToken ct) =>
        PersonalDataMasking.Mask(store, configuration, erased.StreamId, erased.Version, "mt_doc_casesummary", ct);
}

/// <summary>
/// What follows every erasure event (<see cref="IErasesPersonalData"/>): masks the stream's personal fields in place, marks
/// each masked event with the version of the (sealed) erasure event, and destroys the salt of the stream's personal-data
/// digests, so that nobody can confirm a guess at what was erased. Then it vacuums the events, the salts and the
/// stream's document table, so that the old row versions holding the text are gone from the tables' files (what the
/// WAL and backups keep is in the README).
/// </summary>
public static class PersonalDataMasking
{
    public static async Task Mask(IDocumentStore store, IConfiguration configuration, Guid streamId, long erasureVersion,
        string documentTable, CancellationToken ct)
    {
        await store.Advanced.ApplyEventDataMasking(mask =>
        {
            mask.IncludeStream(streamId);
            mask.AddHeader(Seals.ErasedHeader, erasureVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, ct);
        await using var session = store.LightweightSession();
        session.Delete<PersonalSalt>(streamId);
        await session.SaveChangesAsync(ct);

        var schema = store.Options.DatabaseSchemaName;
        await using var connection = new Npgsql.NpgsqlConnection(configuration.GetConnectionString("Postgres"));
        await connection.OpenAsync(ct);
        await using var vacuum = new Npgsql.NpgsqlCommand(
            $"vacuum {schema}.mt_events, {schema}.mt_doc_personalsalt, {schema}.{documentTable}", connection);
        await vacuum.ExecuteNonQueryAsync(ct);
    }
}
