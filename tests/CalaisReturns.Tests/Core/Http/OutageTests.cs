using Alba;
using CalaisReturns.Core.Identity;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>
/// A host that reaches PostgreSQL through a <see cref="LoopbackProxy"/>, in a schema of its own,
/// with a small per-user write limit.
/// </summary>
public sealed class OutageFixture : IAsyncLifetime
{
    public const int WritesPerMinute = 3;

    private readonly string schema = "t_" + Guid.NewGuid().ToString("N")[..10];

    public LoopbackProxy Proxy { get; private set; } = null!;

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString);
        Proxy = new LoopbackProxy(database.Host!, database.Port);
        Proxy.Restore();
        var viaProxy = new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = Proxy.Port,
            Timeout = 3,
        };

        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", viaProxy.ConnectionString);
            // Jobs are stored but run synchronously by the tests: Hangfire's clock is the real one, not the test clock.
            web.UseSetting("Jobs:RunServer", "false");
            web.UseSetting("Database:Schema", schema);
            web.UseSetting("Api:WritesPerUserPerMinute", WritesPerMinute.ToString());
            web.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            });
        });
    }

    public string Token(Actor actor) =>
        DevelopmentTokens.Issue(Host.Services.GetRequiredService<AuthSettings>(), actor, DateTimeOffset.UtcNow,
            TimeSpan.FromHours(1));

    public async Task DisposeAsync()
    {
        Proxy.Restore();
        await Host.DisposeAsync();
        Proxy.Dispose();
        await AppFixture.DropSchema(schema);
    }
}

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageFixture>
{
    public const string Name = "outage";
}

[Collection(OutageCollection.Name)]
public class OutageTests(OutageFixture outage)
{
    private Task<IScenarioResult> Plan(string subject, int? status = null) => outage.Host.Scenario(s =>
    {
        s.Post.RawJson(System.Text.Json.JsonSerializer.Serialize(Api.Plan(departure: DateTimeOffset.UtcNow.AddDays(30)), Api.Json))
            .ToUrl("/api/flights");
        s.WithBearerToken(outage.Token(Actors.UkPlanner with { Id = subject }));
        if (status is { } expected)
        {
            s.StatusCodeShouldBe(expected);
        }
        else
        {
            s.IgnoreStatusCode();
        }
    });

    private Task<IScenarioResult> Ready() => outage.Host.Scenario(s =>
    {
        s.Get.Url("/health/ready");
        s.IgnoreStatusCode();
    });

    /// <summary>Polls until the check holds: recovery takes as long as the pool needs to drop dead connections.</summary>
    private static async Task Eventually(Func<Task<bool>> check)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await check())
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("The condition did not hold within 10 s.");
    }

    [Fact]
    public async Task During_an_outage_commands_get_503_and_readiness_fails_then_both_recover_without_a_restart()
    {
        await Plan("outage.planner", 201);
        Assert.Equal(200, (await Ready()).Context.Response.StatusCode);

        outage.Proxy.Cut();
        try
        {
            await Eventually(async () => (await Ready()).Context.Response.StatusCode == 503);
            await outage.Host.Scenario(s => s.Get.Url("/health/live"));

            var refused = await Plan("outage.planner");
            Assert.Equal(503, refused.Context.Response.StatusCode);
            Assert.Equal("5", refused.Context.Response.Headers.RetryAfter.ToString());
            var body = refused.ReadAsText();
            Assert.Equal(503, refused.Problem()["status"]!.GetValue<int>());
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain("Npgsql", body);
            Assert.DoesNotContain(outage.Proxy.Port.ToString(), body);
        }
        finally
        {
            outage.Proxy.Restore();
        }

        await Eventually(async () => (await Ready()).Context.Response.StatusCode == 200);
        await Eventually(async () => (await Plan("outage.planner")).Context.Response.StatusCode == 201);
    }

    [Fact]
    public async Task Writes_beyond_the_per_user_limit_get_429_with_Retry_After_while_other_users_go_on()
    {
        for (var i = 0; i < OutageFixture.WritesPerMinute; i++)
        {
            await Plan("busy.planner", 201);
        }

        var limited = await Plan("busy.planner", 429);
        Assert.True(int.Parse(limited.Context.Response.Headers.RetryAfter.ToString()) is > 0 and <= 60);
        Assert.Equal(429, limited.Problem()["status"]!.GetValue<int>());
        await Plan("calm.planner", 201);
    }
}
