using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CalaisReturns.Core.Http;

/// <summary>What every Wolverine endpoint gets, declared once.</summary>
public static class ApiConventions
{
    public static void ApplyCalaisConventions(this WolverineHttpOptions options)
    {
        options.AddPolicy<FluentValidationPolicy>();
        options.AddMiddleware(typeof(EventMetadata), IsWrite);
        options.ConfigureEndpoints(chain =>
        {
            chain.JsonSerializerOptions = Bodies;
            // CalaisReturns.Flights.Booking.BookCharterEndpoint is tagged "Flights".
            chain.Metadata.WithTags(chain.Method.HandlerType.Namespace!.Split('.')[1]);
            if (IsWrite(chain))
            {
                chain.Metadata.RequireRateLimiting(ApiLimits.WritesPolicy);
                if (!chain.Method.Method.GetCustomAttributes<ProducesResponseTypeAttribute>().Any())
                {
                    chain.Metadata.Produces<Accepted>(StatusCodes.Status200OK);
                }

                // Only a command on an existing record can find it missing or moved on.
                int[] statuses = chain.RoutePattern!.Parameters.Count > 0
                    ? [400, 403, 404, 409, 412, 413, 429]
                    : [400, 403, 409, 413, 429];
                foreach (var status in statuses)
                {
                    chain.Metadata.ProducesProblem(status);
                }
            }
            else
            {
                chain.Metadata.RequireRateLimiting(ApiLimits.ReadsPolicy);
                chain.Metadata.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
                    .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
            }

            chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        });
    }

    /// <summary>
    /// How request bodies are read: enums by one name only, no unknown field, numbers as numbers, every constructor
    /// parameter present and no null where the type has none — a body that says anything else is refused.
    /// </summary>
    public static void ReadStrictly(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
    }

    /// <summary>
    /// What the endpoints read bodies and write answers with: <see cref="ReadStrictly"/>, and enums read by exactly one
    /// name (<see cref="StrictEnumConverter"/>). The application's own options keep the standard enum converter, which
    /// the OpenAPI document's schemas are generated from.
    /// </summary>
    public static readonly JsonSerializerOptions Bodies = StrictBodies();

    private static JsonSerializerOptions StrictBodies()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new StrictEnumConverter());
        ReadStrictly(options);
        return options;
    }

    private static bool IsWrite(HttpChain chain) => chain.HttpMethods.Any(m => m != HttpMethods.Get);
}
