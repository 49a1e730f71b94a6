using CalaisReturns.Auditing.Sealing;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Auditing.Verifying;

public static class VerifyHistoryEndpoint
{
    /// <summary>
    /// Re-walks every stream — and every stream that has seals, even if its events are gone —
    /// against its seals, and names the first broken link (streams in id order).
    /// </summary>
    public static async Task<VerificationResult> RunAsync(IQuerySession session, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var ids = await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {schema}.mt_streams union select id from {schema}.mt_doc_streamseals order by 1", ct);
        BrokenLink? first = null;
        long verified = 0, unsealed = 0;
        foreach (var id in ids)
        {
            var seals = await session.LoadAsync<StreamSeals>(id, ct);
            var (broken, ok, pending) = await VerifyStream(session, id, seals, ct);
            first ??= broken;
            verified += ok;
            unsealed += pending;
        }

        return new VerificationResult(first is null, ids.Count, verified, unsealed, first);
    }

    private static async Task<(BrokenLink?, long, long)> VerifyStream(IQuerySession session, Guid id, StreamSeals? seals,
        CancellationToken ct)
    {
        try
        {
            return HistoryVerification.Verify(id, await session.Events.FetchStreamAsync(id, token: ct), seals);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An event edited into something that no longer even deserialises is broken too.
            return (new BrokenLink(id, 0, $"The stream cannot be read: {e.GetType().Name}."), 0, 0);
        }
    }

    [WolverineGet("/api/audit/verify", OperationId = "VerifyHistory",
        Summary = "Re-walk every stream's hash chain and name the first broken link")]
    [Authorize(Policy = AccessPolicies.AuditReader)]
    [ProducesResponseType<VerificationResult>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(IQuerySession session, CancellationToken ct) =>
        Results.Ok(await RunAsync(session, ct));
}

/// <summary><c>dotnet run --project src/CalaisReturns -- audit-verify</c>: exit code 1 if any link is broken.</summary>
[Description("Verify that no stored event was altered, removed or reordered", Name = "audit-verify")]
public sealed class AuditVerifyCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var result = await VerifyHistoryEndpoint.RunAsync(session, CancellationToken.None);
        Console.WriteLine(result.Intact
            ? $"Intact: {result.EventsVerified} events in {result.Streams} streams verified ({result.EventsNotYetSealed} not yet sealed)."
            : $"BROKEN: stream {result.FirstBroken!.StreamId}, version {result.FirstBroken.Version}: {result.FirstBroken.Problem}");
        return result.Intact;
    }
}
