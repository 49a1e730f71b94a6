using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CalaisReturns.Tests.Core.Identity;

public class EndpointPolicyTests(AppFixture app) : IntegrationTest(app)
{
    /// <summary>
    /// The only endpoints anyone may call: health probes, the OpenAPI document and its reference UI,
    /// the sign-in page and the page that says a role may not open another page.
    /// </summary>
    private static readonly string[] AnonymousPrefixes = ["/health/", "/api/openapi/", "/api/docs", "/signin", "/denied", "/language/", "/error/", "/zone"];

    [Fact]
    public void Every_endpoint_declares_a_policy_or_is_an_allowed_anonymous_one()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/flights");

        var undeclared = endpoints
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null)
                && !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => e.RoutePattern.RawText);
        Assert.Empty(undeclared);

        var anonymous = endpoints.Where(e => e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !AnonymousPrefixes.Any(route.StartsWith));
        Assert.Empty(anonymous);
    }
}
