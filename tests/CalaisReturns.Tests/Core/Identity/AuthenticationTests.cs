using System.Security.Claims;
using System.Text;
using Alba;
using CalaisReturns.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CalaisReturns.Tests.Core.Identity;

/// <summary>Every token the service must not trust is answered 401 with a problem body.</summary>
public class AuthenticationTests(AppFixture app) : IntegrationTest(app)
{
    private AuthSettings Settings => Host.Services.GetRequiredService<AuthSettings>();

    private string Token(string? issuer = null, string? audience = null, string? key = null, TimeSpan? age = null)
    {
        var issued = DateTime.UtcNow - (age ?? TimeSpan.Zero);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Settings.Issuer,
            Audience = audience ?? Settings.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddHours(1),
            Subject = new ClaimsIdentity([new("sub", "x"), new("role", "Planner"), new("state", "UK")]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? AuthSettings.DevelopmentKey)),
                SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "."
            + Part($$"""{"sub":"x","role":"Planner","state":"UK","iss":"calais-returns","aud":"calais-returns-api","exp":{{expires}}}""")
            + ".";
    }

    public static TheoryData<string> Cases => ["none", "garbage", "expired", "issuer", "audience", "key", "alg-none"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Untrusted_or_missing_tokens_get_401_with_a_problem_and_write_nothing(string @case)
    {
        var token = @case switch
        {
            "none" => null,
            "garbage" => "not-a-token",
            "expired" => Token(age: TimeSpan.FromHours(2)),
            "issuer" => Token(issuer: "someone-else"),
            "audience" => Token(audience: "another-api"),
            "key" => Token(key: new string('x', 64)),
            "alg-none" => Unsigned(),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };
        var result = await Host.Scenario(s =>
        {
            s.Post.RawJson("""{"organisation":"IMB"}""").ToUrl($"/api/flights/{Guid.CreateVersion7()}/monitor");
            if (token is not null)
            {
                s.WithBearerToken(token);
            }

            s.StatusCodeShouldBe(401);
        });

        var problem = result.Problem();
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Equal(@case == "expired" ? "The bearer token has expired." : @case == "none"
                ? "A bearer token is required." : "The bearer token is not valid for this service.",
            problem["detail"]!.GetValue<string>());
        Assert.Equal("Bearer", result.Context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal(0, await App.EventCount());
    }

    [Fact]
    public async Task A_token_without_a_known_state_is_refused_as_a_token()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Settings.Issuer,
            Audience = Settings.Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new("sub", "x"), new("role", "Planner"), new("state", "DE")]),
            SigningCredentials = new SigningCredentials(Settings.SymmetricKey, SecurityAlgorithms.HmacSha256),
        });
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/schedule");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(401);
        });
        Assert.Equal("Unauthenticated", result.Problem()["title"]!.GetValue<string>());
    }
}
