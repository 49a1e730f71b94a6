using System.Text.Json;
using CalaisReturns.Auditing.Checkpoints;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Core.Http;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Finance.Stating;

public static class GetFlightStatementEndpoint
{
    [WolverineGet("/api/flights/{flightId}/statement.pdf", OperationId = "GetFlightStatement",
        Summary = "The flight's reconciliation statement as PDF, in the caller's language and zone: lines, rate, split, shares, "
            + "settlements, confirmations, the flight's seal and the checkpoint that covers it")]
    [Authorize(Policy = AccessPolicies.MoneyReader)]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "application/pdf")]
    public static async Task<IResult> Get(Guid flightId, IQuerySession session, Sealer sealer, CheckpointSigner signer,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(flightId, token: ct);
        if (StatementFacts.Read(events, sealer) is not { } facts)
        {
            return Problems.NotFound("Flight", flightId);
        }

        var reader = Actor.From(user);
        if (FinanceAccess.Reader(reader, facts.Finance) is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }

        facts = facts with { Checkpoint = await FlightStatements.Covering(session, signer, flightId, facts.Head, ct) };
        var pdf = StatementPdf.Render(FlightStatement.Of(facts, reader, clock.GetUtcNow()));
        return Results.File(pdf, "application/pdf", $"statement-{facts.Finance.Reference}.pdf");
    }
}

public static class FlightStatements
{
    /// <summary>
    /// The latest signed checkpoint that records the stream's head as it stands: the same version with the same seal.
    /// Checkpoints are read newest first, skipping any whose signature fails, and the first trustworthy one decides:
    /// an older one cannot record a later head, so if it records another head (or none), no checkpoint covers this one.
    /// </summary>
    public static async Task<CoveringCheckpoint?> Covering(IQuerySession session, CheckpointSigner signer, Guid stream,
        StreamSeal head, CancellationToken ct)
    {
        var newestFirst = session.Query<StoredCheckpoint>().OrderByDescending(c => c.TakenAt);
        await foreach (var stored in QueryableExtensions.ToAsyncEnumerable(newestFirst, ct))
        {
            if (!signer.Verify(stored.Checkpoint))
            {
                continue;
            }

            var payload = JsonSerializer.Deserialize<CheckpointPayload>(stored.Checkpoint.Payload, JsonSerializerOptions.Web)!;
            return payload.Heads.FirstOrDefault(h => h.Stream == stream) is { } recorded
                && recorded.Version == head.Version && recorded.Hash == head.Seal
                    ? new CoveringCheckpoint(payload.TakenAt, recorded.Version, recorded.Hash)
                    : null;
        }

        return null;
    }
}
