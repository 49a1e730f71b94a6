using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CalaisReturns.Benchmarks.Floor;

/// <summary>The body of a floor request: what pgbench's commit inserts.</summary>
public sealed record FloorCommit(string Payload);

/// <summary>What the floor answers: the inserted row's id.</summary>
public sealed record FloorAccepted(long Id);

[JsonSerializable(typeof(FloorCommit))]
[JsonSerializable(typeof(FloorAccepted))]
internal sealed partial class FloorJson : JsonSerializerContext;

/// <summary>
/// The floor of the HTTP benchmark: the least an ASP.NET Core app on this machine does to turn a request
/// into a durable commit — Kestrel, a minimal API endpoint reading a JSON body, one pooled Npgsql
/// connection, the same single-row insert pgbench commits, a 201 with a JSON answer. No authentication,
/// validation, event store or outbox. ops/bench runs it beside the app's mix and pgbench, so the share of
/// pgbench the app reaches can be read against the share any app on this stack and machine can reach.
/// </summary>
public static class FloorServer
{
    public static async Task RunAsync(string connection, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
        await using var data = NpgsqlDataSource.Create(connection);
        var app = builder.Build();
        app.MapPost("/floor", async (FloorCommit commit, CancellationToken ct) =>
        {
            await using var command = data.CreateCommand("insert into bench_commit (payload) values ($1) returning id");
            command.Parameters.Add(new NpgsqlParameter { Value = commit.Payload });
            var id = (long)(await command.ExecuteScalarAsync(ct))!;
            return Results.Created($"/floor/{id}", new FloorAccepted(id));
        });
        await app.RunAsync();
    }
}
