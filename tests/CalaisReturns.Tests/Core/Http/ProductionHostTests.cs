using System.Security.Cryptography;
using Alba;
using CalaisReturns.Auditing.Sealing;
using CalaisReturns.Core;
using CalaisReturns.Core.Http;
using CalaisReturns.Core.Identity;
using CalaisReturns.Web;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;

namespace CalaisReturns.Tests.Core.Http;

/// <summary>
/// A host as production runs it (its own keys, its own schema), with small per-user read limits: HTTPS only, HSTS,
/// secure cookies, nosniff everywhere, and reads limited per user — expensive ones lower.
/// </summary>
public sealed class ProductionHostFixture : IAsyncLifetime
{
    public const int ReadsPerMinute = 8;
    public const int ExpensiveReadsPerMinute = 2;

    private readonly string schema = "t_" + Guid.NewGuid().ToString("N")[..10];

    public IAlbaHost Host { get; private set; } = null!;

    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public async Task InitializeAsync()
    {
        using var checkpointKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JasperFxEnvironment.AutoStartHost = true;
        // Production does not create tables at start-up (db-apply does): a development host makes the schema first.
        await using (var setup = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", AppFixture.ConnectionString);
            web.UseSetting("Database:Schema", schema);
            web.UseSetting("Jobs:RunServer", "false");
            web.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            });
        }))
        {
        }

        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:Postgres", AppFixture.ConnectionString);
            web.UseSetting("Database:Schema", schema);
            web.UseSetting("Jobs:RunServer", "false");
            web.UseSetting("Auth:SigningKey", SigningKey);
            web.UseSetting("Audit:SealKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            web.UseSetting("Audit:CheckpointKey", checkpointKey.ExportPkcs8PrivateKeyPem());
            web.UseSetting("Api:ReadsPerUserPerMinute", ReadsPerMinute.ToString());
            web.UseSetting("Api:ExpensiveReadsPerUserPerMinute", ExpensiveReadsPerMinute.ToString());
            web.UseSetting("Demo:Seed", "false");
            web.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
            });
        });
    }

    public string Token(Actor actor) =>
        DevelopmentTokens.Issue(Host.Services.GetRequiredService<AuthSettings>(), actor, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await AppFixture.DropSchema(schema);
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionHostCollection : ICollectionFixture<ProductionHostFixture>
{
    public const string Name = "production-host";
}

[Collection(ProductionHostCollection.Name)]
public class ProductionHostTests(ProductionHostFixture production)
{
    private static void Https(Microsoft.AspNetCore.Http.HttpContext http)
    {
        http.Request.Scheme = "https";
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString("localhost");
    }

    private Task<IScenarioResult> Get(string url, Actor actor, int? status = null) => production.Host.Scenario(s =>
    {
        s.Get.Url(url);
        s.ConfigureHttpContext(Https);
        s.WithBearerToken(production.Token(actor));
        if (status is { } expected)
        {
            s.StatusCodeShouldBe(expected);
        }
        else
        {
            s.IgnoreStatusCode();
        }
    });

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_HSTS_and_nosniff()
    {
        var plain = await production.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.StatusCodeShouldBe(308);
        });
        Assert.StartsWith("https://localhost", plain.Context.Response.Headers.Location.ToString());

        var secure = await production.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.ConfigureHttpContext(Https);
        });
        Assert.Contains("max-age=31536000", secure.Context.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("nosniff", secure.Context.Response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task The_schema_a_release_applies_holds_every_document_the_app_stores()
    {
        var store = production.Host.Services.GetRequiredService<Marten.IDocumentStore>();
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var type in (Type[])[typeof(CalaisReturns.Jobs.PeriodSnapshots.PeriodSnapshot), typeof(CalaisReturns.Jobs.ProjectionHealth.ProjectionLag),
                     typeof(CalaisReturns.Jobs.Notifications.ManifestDeadlineApproaching), typeof(PersonalSalt),
                     typeof(CalaisReturns.Auditing.Verifying.VerificationMark), typeof(CalaisReturns.Auditing.Checkpoints.StoredCheckpoint),
                     typeof(EndedSession)])
        {
            var table = store.Options.Schema.For(type);
            await using var exists = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
            exists.Parameters.AddWithValue("table", table);
            Assert.True((bool)(await exists.ExecuteScalarAsync())!, $"{type.Name}: {table} is not created by db-apply");
        }
    }

    [Fact]
    public void The_sign_in_and_anti_forgery_cookies_are_always_secure()
    {
        var cookies = production.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(SignInSchemes.Cookie);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, cookies.Cookie.SecurePolicy);
        var antiforgery = production.Host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value;
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, antiforgery.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task Reads_are_limited_per_user_and_expensive_reads_sooner_while_other_users_go_on()
    {
        var auditor = new Actor("busy.auditor", "Busy Auditor", Role.Auditor, State.UK);
        for (var i = 0; i < ProductionHostFixture.ExpensiveReadsPerMinute; i++)
        {
            await Get("/api/audit/verify", auditor, 200);
        }

        var limited = await Get("/api/audit/verify", auditor, 429);
        Assert.True(int.Parse(limited.Context.Response.Headers.RetryAfter.ToString()) is > 0 and <= 60);
        // Ordinary reads have their own, larger allowance, and other users are not held up.
        await Get("/api/schedule", auditor, 200);
        await Get("/api/audit/verify", new Actor("calm.auditor", "Calm Auditor", Role.Auditor, State.FR), 200);

        var reader = new Actor("busy.reader", "Busy Reader", Role.Planner, State.UK);
        for (var i = 0; i < ProductionHostFixture.ReadsPerMinute; i++)
        {
            await Get("/api/schedule", reader, 200);
        }

        await Get("/api/schedule", reader, 429);
    }

    [Fact]
    public void A_production_host_refuses_the_published_seal_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audit:SealKey"] = Sealer.DevelopmentKey,
        }).Build();
        Assert.Throws<InvalidOperationException>(() => Sealer.From(configuration, production: true));
        Assert.NotNull(Sealer.From(configuration, production: false));
    }
}

/// <summary>What counts as an expensive read.</summary>
public class ExpensiveReadsTests
{
    [Theory]
    [InlineData("/api/audit/verify", "", true)]
    [InlineData("/api/audit/flights/x/export", "", true)]
    [InlineData("/audit", "?Verify=true", true)]
    [InlineData("/api/flights/x", "?asOf=2026-01-01T00:00:00Z", true)]
    [InlineData("/api/reports/cost-share", "?period=2026", true)]
    [InlineData("/api/reports/cost-share", "?period=2026-07", false)]
    [InlineData("/api/flights/x/statement.pdf", "", true)]
    [InlineData("/api/flights/x/history", "?pageSize=500", true)]
    [InlineData("/api/flights/x/history", "?pageSize=50", false)]
    [InlineData("/api/schedule", "", false)]
    [InlineData("/api/statistics", "?year=2027-28", true)]
    [InlineData("/api/statistics.csv", "?year=2027", true)]
    public void Given_a_read_then_it_is_expensive_only_when_it_walks_a_lot_of_history(string path, string query, bool expensive) =>
        Assert.Equal(expensive, ApiLimits.IsExpensive(path, new Microsoft.AspNetCore.Http.QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query))));
}
