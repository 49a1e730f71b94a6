using System.Net;
using System.Security.Claims;
using CalaisReturns.Core;
using CalaisReturns.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CalaisReturns.Tests.Core.Identity;

/// <summary>A validly signed token is still refused unless it names one user in one known role and state, and lives briefly.</summary>
public class TokenRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 28, 12, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    private static string? Refusal(ClaimsPrincipal user, DateTimeOffset? issued = null, TimeSpan? lifetime = null) =>
        TokenRules.Refusal(user, issued ?? Now, null, (issued ?? Now) + (lifetime ?? TimeSpan.FromHours(1)), Now,
            TimeSpan.FromHours(12), TimeSpan.FromMinutes(1));

    private static readonly (string, string)[] Planner = [("sub", "u1"), ("role", "Planner"), ("state", "UK")];

    [Fact]
    public void Given_one_subject_role_and_state_issued_now_for_an_hour_then_the_token_is_accepted() =>
        Assert.Null(Refusal(Principal(Planner)));

    [Theory]
    [InlineData("role", "Auditor")]
    [InlineData("state", "FR")]
    [InlineData("sub", "u2")]
    public void Given_a_second_role_state_or_subject_then_the_token_is_refused(string type, string value) =>
        Assert.Equal("Problem.Unauthenticated.Claims", Refusal(Principal([.. Planner, (type, value)])));

    [Theory]
    [InlineData("sub", "")]
    [InlineData("sub", "  ")]
    [InlineData("role", "UK, FR")]
    [InlineData("state", "UK, FR")]
    [InlineData("state", "1")]
    [InlineData("role", "Pilot")]
    public void Given_an_empty_subject_or_a_role_or_state_that_is_not_one_name_then_the_token_is_refused(string type, string value) =>
        Assert.Equal("Problem.Unauthenticated.Claims", Refusal(Principal([.. Planner.Where(c => c.Item1 != type), (type, value)])));

    [Fact]
    public void Given_an_issue_time_in_the_future_or_a_lifetime_over_the_cap_then_the_token_is_refused()
    {
        Assert.Equal("Problem.Unauthenticated.Future", Refusal(Principal(Planner), issued: Now.AddMinutes(5)));
        Assert.Null(Refusal(Principal(Planner), issued: Now.AddSeconds(30)));
        Assert.Equal("Problem.Unauthenticated.TooLong", Refusal(Principal(Planner), lifetime: TimeSpan.FromHours(13)));
        Assert.Null(Refusal(Principal(Planner), lifetime: TimeSpan.FromHours(12)));
    }
}

/// <summary>The same rules at the door: such tokens get 401 with the reason, and write nothing.</summary>
public class TokenRefusalTests(AppFixture app) : IntegrationTest(app)
{
    private string Token(IEnumerable<(string Type, string Value)> claims, DateTimeOffset issued, TimeSpan lifetime)
    {
        var settings = Host.Services.GetRequiredService<AuthSettings>();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = issued.UtcDateTime,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = (issued + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            SigningCredentials = new SigningCredentials(settings.SymmetricKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public static TheoryData<string, string[], double, double> Refused() => new()
    {
        { "Claims", ["sub=u1", "role=Auditor", "role=Planner", "state=UK"], 0, 1 },
        { "Claims", ["sub=", "role=Planner", "state=UK"], 0, 1 },
        { "Claims", ["sub=u1", "role=Planner", "state=UK, FR"], 0, 1 },
        { "Future", ["sub=u1", "role=Planner", "state=UK"], 0.5, 1 },
        { "TooLong", ["sub=u1", "role=Planner", "state=UK"], 0, 24 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_breaking_the_rules_gets_401_with_its_reason_and_writes_nothing(string reason, string[] claims,
        double issuedInHours, double lifetimeHours)
    {
        var token = Token(claims.Select(c => (c[..c.IndexOf('=')], c[(c.IndexOf('=') + 1)..])),
            DateTimeOffset.UtcNow.AddHours(issuedInHours), TimeSpan.FromHours(lifetimeHours));
        var before = await App.EventCount();
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Api.Plan()).ToUrl("/api/flights");
            s.WithBearerToken(token);
            s.WithRequestHeader("Accept-Language", "en-GB");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        using var _ = CultureScope.Of("en-GB");
        Assert.Equal(CalaisReturns.Texts.Get($"Problem.Unauthenticated.{reason}"), result.Problem()["detail"]!.GetValue<string>());
        Assert.Equal(before, await App.EventCount());
    }
}
