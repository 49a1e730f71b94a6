using System.Text.Json.Serialization;
using CalaisReturns.Core.Http;
using CalaisReturns.Demo;
using CalaisReturns.Flights;
using FluentValidation;
using JasperFx;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
builder.Host.ApplyJasperFxExtensions();

var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
var schema = builder.Configuration["Database:Schema"] ?? "calais";

builder.Services.AddSingleton(TimeProvider.System);
var martenSetup = builder.Services.AddMarten(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.AutoCreateSchemaObjects = builder.Environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate;
        opts.ConfigureFlights();
    })
    .UseLightweightSessions()
    .IntegrateWithWolverine();
if (!builder.Environment.IsProduction())
{
    // Outside production the schema follows the code at start-up; production applies it with `db-apply`.
    martenSetup.ApplyAllDatabaseChangesOnStartup();
}

// Marten does not take the clock from DI by itself; event timestamps must follow the same clock as the domain.
builder.Services.ConfigureMarten((sp, opts) => opts.Events.TimeProvider = sp.GetRequiredService<TimeProvider>());

builder.Host.UseWolverine(opts => opts.Policies.AutoApplyTransactions());
builder.Services.AddWolverineHttp();
builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.RespectRequiredConstructorParameters = true;
    o.SerializerOptions.RespectNullableAnnotations = true;
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddDemoData(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapWolverineEndpoints(opts => opts.AddPolicy<FluentValidationPolicy>());

return await app.RunJasperFxCommands(args);

public partial class Program;
