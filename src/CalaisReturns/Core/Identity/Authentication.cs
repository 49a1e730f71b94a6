using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using CalaisReturns.Web;
using Microsoft.IdentityModel.Tokens;

namespace CalaisReturns.Core.Identity;

public static class Authentication
{
    public static IServiceCollection AddCalaisAuthentication(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        if (settings.Authority is null && settings.SymmetricKey is null)
        {
            throw new InvalidOperationException("Configure Auth:Authority (an OpenID Connect identity provider) "
                + "or Auth:SigningKey before starting.");
        }

        if (settings.UsesDevelopmentKey && environment.IsProduction())
        {
            throw new InvalidOperationException("Auth:SigningKey is the published development key; "
                + "it must not be used in Production.");
        }

        services.AddSingleton(settings);
        var authentication = services.AddAuthentication(SignInSchemes.Default)
            .AddPolicyScheme(SignInSchemes.Default, "Bearer token or sign-in cookie",
                o => o.ForwardDefaultSelector = http => SignInSchemes.For(http))
            .AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Authority = settings.Authority;
            jwt.Audience = settings.Audience;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                // With an authority, its discovery document names the issuer.
                ValidIssuer = settings.Authority is null ? settings.Issuer : null,
                ValidAudience = settings.Audience,
                IssuerSigningKey = settings.SymmetricKey,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                NameClaimType = Claims.Name,
                RoleClaimType = Claims.Role,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    // The clock the token's expiry was checked by: Microsoft.IdentityModel reads the system's.
                    var now = TimeProvider.System.GetUtcNow();
                    if (context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token
                        && TokenRules.Refusal(context.Principal!, token, now, settings.MaxTokenLifetime, TimeSpan.FromMinutes(1)) is { } refusal)
                    {
                        context.Fail(new TokenRefused(refusal));
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    var detail = context.AuthenticateFailure switch
                    {
                        null => Texts.Get("Problem.Unauthenticated.NoToken"),
                        SecurityTokenExpiredException => Texts.Get("Problem.Unauthenticated.Expired"),
                        TokenRefused refused => Texts.Get(refused.Message),
                        _ => Texts.Get("Problem.Unauthenticated.Invalid"),
                    };
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized,
                        Texts.Get("Problem.Unauthenticated.Title"), detail);
                },
                OnForbidden = context => WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden,
                    Texts.Get("Problem.Forbidden.Title"), Texts.Get("Problem.Forbidden.Role")),
            };
        });
        authentication.AddWebSignIn(configuration, settings, environment);
        services.AddAuthorization(AccessPolicies.Add);
        return services;
    }

    /// <summary>A signed token refused by <see cref="TokenRules"/>; its message is the text key of why.</summary>
    private sealed class TokenRefused(string key) : Exception(key);

    internal static Task WriteProblem(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return http.Response.WriteAsync(JsonSerializer.Serialize(problem, JsonSerializerOptions.Web));
    }
}
