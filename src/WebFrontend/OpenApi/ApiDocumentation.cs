using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Conversations.WebFrontend.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its interactive reference page (<c>/api/reference</c>): every
/// route with its summary (from the handler's XML comment or <c>WithSummary</c>), success and error responses,
/// the two ways to authenticate, and examples of the shapes integrators meet first.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";
    public const string ProblemContentType = "application/problem+json";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddConversationsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer(DescribeAsync);
            openApi.AddOperationTransformer<ErrorResponsesTransformer>();
            openApi.AddOperationTransformer(ApiExamples.AddAsync);
        });

    /// <summary>The document and the reference page, both public like the routes they describe are to know of.</summary>
    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();

        // Scalar's page loads its script from this app (the package embeds it), never from a CDN, so the reference
        // works where the API does, offline included; its web fonts (fetched from Scalar's CDN) and telemetry are off.
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("Conversations API reference")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts()
                .DisableTelemetry())
            .AllowAnonymous();
        return app;
    }

    private static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Conversations API";
        document.Info.Description = "WhatsApp customer service with an AI assistant and a team of agents. Errors are RFC 7807 problem details "
            + "(`application/problem+json`); validation problems name the field at fault in `errors`, and a refused permission names it in "
            + "`errors.permission`. Authenticate with an employee's access token (`POST /api/auth/login`) or, on the routes that allow it, an API key.";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/auth/login (employees) or POST /api/platform/login (platform administrators).",
        };
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "A business's API key (POST /api/api-keys), for the conversation, message, booking and customer routes its scopes allow.",
        };

        // The error responses added by ErrorResponsesTransformer refer to these by name, so they exist even when no
        // handler's return type brought them in.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in new[] { typeof(ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            if (!document.Components.Schemas.ContainsKey(type.Name)
                && await context.GetOrCreateSchemaAsync(type, null, cancellationToken) is OpenApiSchema schema)
            {
                document.Components.Schemas[type.Name] = schema;
            }
        }

        if (document.Components.Schemas.TryGetValue(nameof(HttpValidationProblemDetails), out var validation) && validation is OpenApiSchema validationSchema)
        {
            validationSchema.Examples = [ApiExamples.ValidationProblem()];
        }

        if (document.Components.Schemas.TryGetValue(nameof(ProblemDetails), out var problem) && problem is OpenApiSchema problemSchema)
        {
            problemSchema.Examples = [ApiExamples.PermissionProblem()];
        }
    }
}
