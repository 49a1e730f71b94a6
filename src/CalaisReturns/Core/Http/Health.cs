using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Marten.Events.Daemon;
using Npgsql;

namespace CalaisReturns.Core.Http;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: it can also reach PostgreSQL and
/// the async projections are no more than <c>Health:MaxProjectionLag</c> events behind, so a load
/// balancer stops sending traffic during an outage and resumes by itself afterwards.
/// </summary>
public static class Health
{
    public static IServiceCollection AddCalaisHealthChecks(this IServiceCollection services, string connectionString,
        IConfiguration configuration)
    {
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("postgres", _ => new PostgresCheck(connectionString), HealthStatus.Unhealthy,
                [], TimeSpan.FromSeconds(3)))
            .AddMartenAsyncDaemonHealthCheck(configuration.GetValue("Health:MaxProjectionLag", 1000));
        return services;
    }

    public static void MapCalaisHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
    }

    private sealed class PostgresCheck(string connectionString) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
            {
                // The reason stays in the log; the response only says the database is unreachable.
                return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", e);
            }
        }
    }
}
