using System.Globalization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CalaisReturns.Core.Http;

/// <summary>The OpenAPI 3.1 document at <c>/api/openapi/v1.json</c> and its reference UI at <c>/api/docs</c>.</summary>
public static class OpenApiDocumentation
{
    public const string DocumentRoute = "/api/openapi/{documentName}.json";
    private const string Bearer = "Bearer";

    public static IServiceCollection AddCalaisOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CalaisReturns",
                Version = "v1",
                Description = "Jointly funded UK/France returns charter flights. Every change is an event.",
            };
            document.Components ??= new OpenApiComponents();
            // Left behind by the inferred IResult responses that the operation transformer removes.
            document.Components.Schemas?.Remove(nameof(IResult));
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token with the claims sub, name, role (Planner, Finance, Auditor, Admin) and state (UK, FR).",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            // Wolverine infers a response from an IResult return type; IResult is not a body's shape.
            foreach (var inferred in context.Description.SupportedResponseTypes.Where(r => r.Type == typeof(IResult)))
            {
                operation.Responses?.Remove(inferred.StatusCode.ToString(CultureInfo.InvariantCulture));
            }

            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [],
                });
            }

            return Task.CompletedTask;
        });
    });

    public static void MapCalaisOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithOpenApiRoutePattern(DocumentRoute)).AllowAnonymous();
    }
}
