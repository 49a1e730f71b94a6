using System.Text.Json.Serialization;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Telemetry;
using Microsoft.Extensions.Logging.Console;
using CalaisReturns.Auditing;
using CalaisReturns.Demo;
using CalaisReturns.Flights.Manifesting;
using CalaisReturns.Jobs;
using CalaisReturns.Web;
using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.Core;
using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
JsonLogFormatter.KeepStandardOutputForLogs(args, builder.Configuration);
builder.Host.ApplyJasperFxExtensions();

var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
var schema = builder.Configuration["Database:Schema"] ?? "calais";
var limits = ApiLimits.From(builder.Configuration);
var manifestRules = ManifestRules.From(builder.Configuration);
var sealer = CalaisReturns.Auditing.Sealing.Sealer.From(builder.Configuration, builder.Environment.IsProduction());
var wolverineDistributesProjections = builder.Configuration.GetValue("Marten:Distribution", "Marten") switch
{
    "Marten" => false,
    "Wolverine" => true,
    var other => throw new InvalidOperationException($"Marten:Distribution is Marten or Wolverine, not '{other}'."),
};

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(manifestRules);
builder.Services.AddSingleton(CalaisReturns.Accountability.AccountabilityRules.From(builder.Configuration));
builder.Services.AddSingleton(CalaisReturns.Notifications.EmailSettings.Read(builder.Configuration));
var marten = builder.Services.AddMarten(opts => opts.ConfigureCalais(connectionString, schema, manifestRules, sealer,
        builder.Environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate))
    .UseLightweightSessions()
    // Several hosts: Marten:DaemonMode=HotCold runs each async shard on one host at a time (a PostgreSQL
    // advisory lock per shard, freed the moment its host dies; see ScaleOutTests), or Marten:Distribution=Wolverine
    // has Wolverine's leader spread the shards over the Balanced nodes (Marten must then run no daemon of its
    // own), which moves a dead host's shards only once its heartbeat is stale.
    .AddAsyncDaemon(wolverineDistributesProjections
        ? DaemonMode.ExternallyManaged
        : builder.Configuration.GetValue("Marten:DaemonMode", DaemonMode.Solo))
    .IntegrateWithWolverine(w =>
    {
        // Events appended in a Wolverine-managed session reach the policy handlers through the outbox on commit.
        w.UseFastEventForwarding = true;
        w.UseWolverineManagedEventSubscriptionDistribution = wolverineDistributesProjections;
    });
// Outside production the schema follows the code at start-up; production applies it with `db-apply`.
var applySchemaOnStartup = builder.Configuration.GetValue("Database:ApplySchemaOnStartup", !builder.Environment.IsProduction());
if (applySchemaOnStartup)
{
    marten.ApplyAllDatabaseChangesOnStartup();
}

// Marten does not take the clock from DI by itself; event timestamps must follow the same clock as the domain.
builder.Services.ConfigureMarten((sp, opts) => opts.Events.TimeProvider = sp.GetRequiredService<TimeProvider>());

builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    opts.Policies.AddMiddleware(typeof(MessageCorrelation));
    // The handlers' and endpoints' code is generated ahead (Internal/Generated, `ops/codegen`) and loaded, not compiled
    // at start-up or on a chain's first request; GeneratedCodeTests fails when it no longer matches the code.
    opts.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
    // Policy messages are stored with the command's own transaction and survive a crash.
    opts.Policies.UseDurableLocalQueues();
    opts.OnException<ConcurrencyException>().RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds());
    opts.OnException<NpgsqlException>().RetryWithCooldown(1.Seconds(), 5.Seconds(), 15.Seconds());
    // A deadlock aborts the session's transaction and Marten reports it wrapped (SessionTransactionUnusableException):
    // found inside, it is retried like a dropped connection rather than sent to the dead letters.
    opts.OnInnerException<NpgsqlException>().RetryWithCooldown(1.Seconds(), 5.Seconds(), 15.Seconds());
    // One host (the default) reclaims every stored message at start-up, so a policy owed when the
    // process died runs as soon as it is back; several hosts need Balanced, which waits for the
    // dead node to go stale first.
    opts.Durability.Mode = builder.Configuration.GetValue("Wolverine:DurabilityMode", DurabilityMode.Solo);
    // Balanced: a node whose heartbeat (every HealthCheckPollingTime) is older than StaleNodeTimeout is
    // dead, and only then are its stored messages and agents given to the others. Defaults 10 s and 1 min.
    opts.Durability.HealthCheckPollingTime = builder.Configuration.GetValue("Wolverine:HealthCheckPollingTime",
        opts.Durability.HealthCheckPollingTime);
    opts.Durability.StaleNodeTimeout = builder.Configuration.GetValue("Wolverine:StaleNodeTimeout", opts.Durability.StaleNodeTimeout);
    opts.AutoBuildMessageStorageOnStartup = applySchemaOnStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;
});
builder.Services.AddWolverineHttp();
builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o => ApiConventions.ReadStrictly(o.SerializerOptions));
// Validators only read their settings and the clock: built once, not per request (building one is costly).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddCalaisAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddApiLimits(limits);
// Wolverine's log of an unreadable body and Marten's of a failing command are kept out, at the configured levels.
builder.Logging.AddCalaisLogFilters(builder.Configuration, BodyProblems.RequestTypeNames);
builder.Services.AddCalaisTransport(builder.Configuration);
builder.Services.AddCalaisHealthChecks(connectionString, builder.Configuration);
builder.Services.AddCalaisOpenApi();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Languages.Localize);
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddAuditing(builder.Configuration, sealer);
CalaisReturns.Finance.Stating.StatementFonts.Install();
builder.Services.AddCalaisJobs(builder.Configuration, connectionString, schema);
builder.Services.AddDemoData(builder.Configuration);
builder.Services.AddCalaisLanguages();
builder.Services.AddCalaisWeb(builder.Environment);
builder.Services.AddCalaisTelemetry(builder.Configuration, builder.Environment);
builder.Logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();

var app = builder.Build();
app.UseCalaisTransport(app.Environment);
app.UseCorrelationIds();
app.UseRequestLogScopes();
app.UseErrorAnswers();
// Routing after the error answers, so that a failed page re-executed as /error/{status} is routed anew.
app.UseRouting();
app.UseCommandTelemetry();
app.UsePageSecurityHeaders();
app.UseStaticFiles();
app.UseAuthentication();
app.UseCalaisLanguages();
app.UseReaderZones();
app.UseBodyLimit(limits);
app.UseCookieWriteProtection();
app.UseAuthorization();
app.UseRateLimiter();
app.UseBodyCopies();
app.UseJobsDashboard();
app.MapCalaisHealthChecks();
app.MapCalaisOpenApi();
app.MapCalaisMetrics();
app.MapWolverineEndpoints(opts => opts.ApplyCalaisConventions());
app.MapRazorPages().RequireRateLimiting(ApiLimits.ReadsPolicy);
app.MapLanguageSwitch();

// Serving (no command named, only options such as --urls) runs the host as JasperFx would, without its console lines:
// standard output then carries the log alone. A command (db-apply, audit-verify, token, …) goes to JasperFx.
if (JsonLogFormatter.Serving(args))
{
    await app.RunAsync();
    return 0;
}

return await app.RunJasperFxCommands(args);

public partial class Program;
