using Conversations.WebFrontend.Integrations;
using Conversations.WebFrontend.Platform;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Conversations.WebFrontend.OpenApi;

/// <summary>
/// Documents the errors the pipeline answers before a handler runs, which no handler's return type shows: 401 and
/// 403 for every route that needs a token (naming the permission the route requires), and the signature failure of
/// the providers' webhooks. Every problem response points at the shared <c>ProblemDetails</c> schema with the
/// <c>application/problem+json</c> content type.
/// </summary>
public sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    /// <summary>Webhook routes and the header whose signature they check (anonymous, but refused when it does not verify).</summary>
    private static readonly Dictionary<string, string> SignedWebhooks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api/webhook/whatsapp"] = "X-Hub-Signature-256",
        ["api/webhook/twilio"] = "X-Twilio-Signature",
        ["api/webhook/twilio/status"] = "X-Twilio-Signature",
        ["api/webhook/stripe"] = "Stripe-Signature",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        var route = context.Description.RelativePath?.TrimEnd('/') ?? "";
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many attempts from this address; try again after the Retry-After header's seconds.");
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            if (SignedWebhooks.TryGetValue(route, out var header) && HttpMethods.IsPost(context.Description.HttpMethod ?? ""))
            {
                Add(operation, context, StatusCodes.Status401Unauthorized, $"The {header} header is missing or does not verify against the provider's secret.");
            }

            return Task.CompletedTask;
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var keyScopes = policies.Contains(PlatformAuth.Policy) ? null : ApiKeyRoutes.ScopesFor(context.Description.HttpMethod ?? "", "/" + route);
        Add(operation, context, StatusCodes.Status401Unauthorized,
            keyScopes is null
                ? "No valid access token (Authorization: Bearer …): missing, expired, or its session ended."
                : "No valid access token (Authorization: Bearer …) or API key (X-Api-Key): missing, expired, revoked, or its session ended.");
        Add(operation, context, StatusCodes.Status403Forbidden, ForbiddenBecause(policies, keyScopes));
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentation.BearerScheme, context.Document)] = [] });
        if (keyScopes is not null)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentation.ApiKeyScheme, context.Document)] = [.. keyScopes] });
        }

        return Task.CompletedTask;
    }

    private static string ForbiddenBecause(IReadOnlyList<string?> policies, IReadOnlyList<string>? keyScopes)
    {
        var keys = keyScopes is null
            ? " API keys cannot use this route."
            : $" An API key needs the scope {string.Join(" or ", keyScopes.Select(s => $"`{s}`"))} (`errors.scope`).";
        if (policies.Select(Permission.Of).OfType<string>().ToList() is { Count: > 0 } permissions)
        {
            return $"The caller's role does not grant the permission {string.Join(", ", permissions.Select(p => $"`{p}`"))} "
                + "(the problem's `errors.permission` names it), or the business requires two-factor authentication and the caller has not set it up." + keys;
        }

        return policies.Contains(PlatformAuth.Policy)
            ? "The token is not a platform administrator's (from POST /api/platform/login)."
            : "Any signed-in employee may call it for their own account; refused for an API key, and (outside /api/auth) for an employee "
                + "who must first set up the two-factor authentication their business requires.";
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiDocumentation.ProblemContentType] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
            },
        };
    }
}
