using System.Reflection;
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
                chain.Metadata.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
                    .ProducesProblem(StatusCodes.Status404NotFound);
            }

            chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static bool IsWrite(HttpChain chain) => chain.HttpMethods.Any(m => m != HttpMethods.Get);
}
