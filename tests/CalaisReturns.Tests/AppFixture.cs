using Alba;
using CalaisReturns.Core.Identity;
using JasperFx.CommandLine;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Trace;
using Wolverine;

namespace CalaisReturns.Tests;

/// <summary>
/// One application host for the whole "app" collection, against the real PostgreSQL that ops/test
/// starts, in a schema of its own that is dropped afterwards. Time is a controllable clock.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(Start);

    public CapturedLogs Logs { get; } = new();

    /// <summary>The host's spans, while a test records them (tracing is on, exported to memory).</summary>
    public CapturedSpans Spans { get; } = new();

    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..10];

    public IAlbaHost Host { get; private set; } = null!;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? "Host=localhost;Port=5432;Database=calais_returns_test;Username=calais;Password=calais;SSL Mode=Disable";

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>A development token for the actor, valid now by the real clock (the server checks it so).</summary>
    public string Token(Actor actor) =>
        DevelopmentTokens.Issue(Host.Services.GetRequiredService<AuthSettings>(), actor, TimeProvider.System.GetUtcNow(),
            TimeSpan.FromHours(1));

    public async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            // Jobs are stored but run synchronously by the tests: Hangfire's clock is the real one, not the test clock.
            web.UseSetting("Jobs:RunServer", "false");
            web.UseSetting("Database:Schema", Schema);
            // Per-user write limits are tested on a host of their own (DegradedHostTests).
            web.UseSetting("Api:WritesPerUserPerMinute", "100000");
            web.UseSetting("Api:ReadsPerUserPerMinute", "100000");
            web.UseSetting("Api:ExpensiveReadsPerUserPerMinute", "100000");
            web.UseSetting("OpenTelemetry:Tracing", "true");
            // E-mails go to the local SMTP server ops/test starts (MailCatcher reads them back).
            web.UseSetting("Email:SmtpHost", MailCatcher.SmtpHost);
            web.UseSetting("Email:SmtpPort", MailCatcher.SmtpPort);
            web.UseSetting("Email:Security", "None");
            web.UseSetting("Email:From", "CalaisReturns <notifications@returns.test>");
            web.UseSetting("Email:PublicUrl", "https://returns.test/");
            web.ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans).SetSampler(Spans.WhileRecording()));
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ILoggerProvider>(Logs);
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            });
        });
    }

    /// <summary>Each test starts from no data, the same instant and flight references numbered from 1.</summary>
    public async Task ResetAsync()
    {
        Clock.Now = Start;
        await Host.ResetAllMartenDataAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var restart = new NpgsqlCommand(
            $"delete from {Schema}.flight_reference_counter; delete from {Schema}.{CalaisReturns.Finance.Documenting.SupportingFiles.TableName}",
            connection);
        await restart.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the async daemon has caught up with every event appended so far.</summary>
    public Task ProjectionsCaughtUp() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await DropSchema(Schema);
    }

    /// <summary>Drops a test host's schemas (Marten's and Hangfire's), with everything in them.</summary>
    public static async Task DropSchema(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // The host's Hangfire schema too: left behind, they pile up run after run.
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade; drop schema if exists {schema}_hangfire cascade",
            connection);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Base of integration test classes: resets the data before each test.</summary>
[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    protected IAlbaHost Host => App.Host;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
