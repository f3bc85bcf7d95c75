using System.Collections.Frozen;
using System.Security.Claims;
using Conversations.Infrastructure.ApiKeys;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// Those whose role grants <c>integrations.manage</c> (owners and admins) make, list and revoke the business's API keys.
/// A key acts with an agent's permissions within its scopes, so its maker must hold the permission behind each scope
/// they give it: nobody hands an integration more than they have. The key is in the creation's answer only; the
/// list shows its prefix. Another business's keys are simply not found.
/// </summary>
public static class ApiKeysApi
{
    private const int MaxNameLength = 100;

    /// <summary>The permission behind each scope: what a key with the scope may do on the routes it opens.</summary>
    private static readonly FrozenDictionary<string, string> PermissionOfScope = new Dictionary<string, string>
    {
        [ApiKeyScopes.ConversationsRead] = Permissions.ConversationsRead,
        [ApiKeyScopes.MessagesSend] = Permissions.ConversationsReply,
        [ApiKeyScopes.BookingsRead] = Permissions.BookingsRead,
        [ApiKeyScopes.BookingsManage] = Permissions.BookingsWrite,
        [ApiKeyScopes.CustomersRead] = Permissions.CustomersRead,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/api-keys").WithTags("API keys").RequirePermission(Permissions.IntegrationsManage);
        keys.MapGet("/", ListAsync);
        keys.MapPost("/", CreateAsync);
        keys.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    /// <summary>The business's API keys (prefix, scopes, creator, last use, revocation); the secret key itself is never shown again.</summary>
    internal static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>Creates an API key with a name and scopes; the key is in the response once only. A key cannot get a scope beyond the caller's own role (403).</summary>
    internal static async Task<Results<Created<ApiKeyView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ApiKeyRequest? request, ClaimsPrincipal user, ApiKeyStore keys, EmployeeAccess access, CancellationToken cancellationToken)
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

        var own = await access.PermissionsOfAsync(user, cancellationToken);
        var beyond = scopes!.Where(scope => !PermissionOfScope.TryGetValue(scope, out var permission) || !own.Contains(permission)).ToList();
        if (beyond.Count > 0)
        {
            return FieldProblems.Of(
                StatusCodes.Status403Forbidden, "scopes", $"Your role does not grant what {string.Join(", ", beyond)} allows, so it cannot give it to a key.");
        }

        var businessId = user.GetBusinessId();
        if (await keys.CountActiveAsync(businessId, cancellationToken) >= ApiKeyStore.MaxActiveKeysPerBusiness)
        {
            return FieldProblems.Conflict("name", $"A business has at most {ApiKeyStore.MaxActiveKeysPerBusiness} active API keys.");
        }

        var created = await keys.CreateAsync(businessId, user.GetEmployeeId(), name!, scopes!, cancellationToken);
        return TypedResults.Created($"/api/api-keys/{created.Id}", created);
    }

    /// <summary>Revokes an API key; requests carrying it are refused from then on.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(user.GetBusinessId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : FieldProblems.NotFound("API key");
}
