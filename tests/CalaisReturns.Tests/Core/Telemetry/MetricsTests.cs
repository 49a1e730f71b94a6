using Alba;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;

namespace CalaisReturns.Tests.Core.Telemetry;

/// <summary>The Prometheus scrape is for admins (their scraper's token); everyone else is refused. Figures: OperationsTests.</summary>
public sealed class MetricsTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_admin_scrapes_the_metrics_in_the_prometheus_format()
    {
        var scrape = await App.Get("/metrics", actor: Actors.Of(Role.Admin, State.FR));
        Assert.StartsWith("text/plain", scrape.Context.Response.ContentType);
        Assert.Contains("# TYPE ", await scrape.ReadAsTextAsync());
    }

    [Theory]
    [InlineData(Role.Planner)]
    [InlineData(Role.Finance)]
    [InlineData(Role.Auditor)]
    public async Task Other_roles_are_refused_and_an_anonymous_scraper_is_challenged(Role role)
    {
        await App.Get("/metrics", 403, Actors.Of(role, State.FR));
        await Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.StatusCodeShouldBe(401);
        });
    }
}
