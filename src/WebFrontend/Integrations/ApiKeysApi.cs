using System.Security.Claims;
using Conversations.Infrastructure.ApiKeys;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Employees;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// Owners and admins make, list and revoke the business's API keys. The key is in the creation's answer only; the
/// list shows its prefix. Another business's keys are simply not found.
/// </summary>
public static class ApiKeysApi
{
    private const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization(EmployeePolicies.Manage);
        keys.MapGet("/", ListAsync);
        keys.MapPost("/", CreateAsync);
        keys.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(user.GetBusinessId(), cancellationToken));

    private static async Task<Results<Created<ApiKeyView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ApiKeyRequest? request, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"Required, at most {MaxNameLength} characters."];
        }

        var scopes = request?.Scopes?.Select(s => s?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (scopes is null || scopes.Length == 0 || scopes.Any(s => !ApiKeyScopes.All.Contains(s)))
        {
            errors["scopes"] = ["One or more of " + string.Join(", ", ApiKeyScopes.All) + "."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        if (await keys.CountActiveAsync(businessId, cancellationToken) >= ApiKeyStore.MaxActiveKeysPerBusiness)
        {
            return FieldProblems.Conflict("name", $"A business has at most {ApiKeyStore.MaxActiveKeysPerBusiness} active API keys.");
        }

        var created = await keys.CreateAsync(businessId, user.GetEmployeeId(), name!, scopes!, cancellationToken);
        return TypedResults.Created($"/api/api-keys/{created.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(user.GetBusinessId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : FieldProblems.NotFound("API key");
}
