using System.Security.Claims;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Roles;

/// <summary>
/// The business's roles: the four system roles (read-only) and its own, built from the permission list. Nobody
/// gives away more than they have: a role may only be created, changed or deleted by an employee whose own role
/// grants every permission involved. A change takes effect at once: the holders' tokens of the old version are
/// refused, and their next refresh carries the new permissions.
/// </summary>
public static partial class RolesApi
{
    public static IEndpointRouteBuilder MapRolesApi(this IEndpointRouteBuilder app)
    {
        var roles = app.MapGroup("/api/roles").WithTags("Roles").RequirePermission(Permissions.RolesManage);
        roles.MapGet("/", ListAsync);
        roles.MapGet("/{id:guid}", GetAsync);
        roles.MapPost("/", CreateAsync);
        roles.MapPatch("/{id:guid}", UpdateAsync);
        roles.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    /// <summary>What the roles endpoints bind: the caller and the stores.</summary>
    public sealed record RoleServices(
        ClaimsPrincipal User, RoleStore Store, RolePermissions Cache, EmployeeAccess Access, IGrainFactory Grains, TimeProvider Time,
        ILoggerFactory Logs, CancellationToken CancellationToken)
    {
        public Guid BusinessId => User.GetBusinessId();
    }

    /// <summary>The business's roles (built-in and custom) with their permissions.</summary>
    internal static async Task<Ok<IReadOnlyList<RoleView>>> ListAsync([AsParameters] RoleServices roles) =>
        TypedResults.Ok(await roles.Store.ListAsync(roles.BusinessId, roles.CancellationToken));

    /// <summary>One role and its permissions.</summary>
    internal static async Task<Results<Ok<RoleView>, ProblemHttpResult>> GetAsync(Guid id, [AsParameters] RoleServices roles) =>
        await roles.Store.GetAsync(roles.BusinessId, id, roles.CancellationToken) is { } role ? TypedResults.Ok(role) : FieldProblems.NotFound("role");

    /// <summary>Adds a custom role with a name and permissions; the caller cannot grant a permission their own role lacks (403).</summary>
    internal static async Task<Results<Created<RoleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RoleRequest? request, [AsParameters] RoleServices roles)
    {
        var errors = new Dictionary<string, string[]>();
        var name = CheckName(request?.Name, required: true, errors);
        var permissions = CheckPermissions(request?.Permissions, required: true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await BeyondCallerAsync(roles, permissions!) is { } forbidden)
        {
            return forbidden;
        }

        var outcome = await roles.Store.CreateAsync(roles.BusinessId, name!, permissions!, roles.Time.GetUtcNow(), roles.CancellationToken);
        if (outcome.Role is not { } role)
        {
            return Refused(outcome.Refusal!.Value);
        }

        roles.Cache.Invalidate(roles.BusinessId, role.Name);
        AccountsLog.RoleDefined(roles.Logs.CreateLogger(AccountsLog.Category), roles.User.GetEmployeeId(), "created", role.Id, roles.BusinessId, 0);
        return TypedResults.Created($"/api/roles/{role.Id}", role);
    }

    /// <summary>Renames a custom role or replaces its permissions; employees holding it get the change at once.</summary>
    internal static async Task<Results<Ok<RoleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, RoleRequest? request, [AsParameters] RoleServices roles)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Name is null && request?.Permissions is null)
        {
            errors["permissions"] = ["Give a new name, new permissions, or both."];
        }

        var name = CheckName(request?.Name, required: false, errors);
        var permissions = CheckPermissions(request?.Permissions, required: false, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await roles.Store.GetAsync(roles.BusinessId, id, roles.CancellationToken) is not { } current)
        {
            return FieldProblems.NotFound("role");
        }

        if (current.IsSystem)
        {
            return Refused(RoleRefusal.SystemRole);
        }

        if (await BeyondCallerAsync(roles, current.Permissions.Concat(permissions ?? [])) is { } forbidden)
        {
            return forbidden;
        }

        var outcome = await roles.Store.UpdateAsync(roles.BusinessId, id, name, permissions, roles.Time.GetUtcNow(), roles.CancellationToken);
        if (outcome.Role is not { } role)
        {
            return Refused(outcome.Refusal!.Value);
        }

        await ApplyAsync(roles, outcome);
        AccountsLog.RoleDefined(roles.Logs.CreateLogger(AccountsLog.Category), roles.User.GetEmployeeId(), "changed", role.Id, roles.BusinessId, outcome.Holders.Count);
        return TypedResults.Ok(role);
    }

    /// <summary>Deletes a custom role; built-in roles and roles still held by employees are refused with 409.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, [AsParameters] RoleServices roles)
    {
        if (await roles.Store.GetAsync(roles.BusinessId, id, roles.CancellationToken) is not { } current)
        {
            return FieldProblems.NotFound("role");
        }

        if (!current.IsSystem && await BeyondCallerAsync(roles, current.Permissions) is { } forbidden)
        {
            return forbidden;
        }

        var outcome = await roles.Store.DeleteAsync(roles.BusinessId, id, roles.CancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal == RoleRefusal.InUse
                ? FieldProblems.Conflict("id", $"{outcome.Role!.Employees} employee(s) hold this role; give them another role first.")
                : Refused(refusal);
        }

        await ApplyAsync(roles, outcome);
        AccountsLog.RoleDefined(roles.Logs.CreateLogger(AccountsLog.Category), roles.User.GetEmployeeId(), "deleted", id, roles.BusinessId, 0);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Forgets this node's cached copy (other nodes see the new version in the next tokens) and has every holder's
    /// employee grain read the role again, so their tokens of the old name or version are refused from now on.
    /// </summary>
    private static async Task ApplyAsync(RoleServices roles, RoleOutcome outcome)
    {
        if (outcome.PreviousName is { } previous)
        {
            roles.Cache.Invalidate(roles.BusinessId, previous);
        }

        if (outcome.Role is { } role)
        {
            roles.Cache.Invalidate(roles.BusinessId, role.Name);
        }

        await Task.WhenAll(outcome.Holders.Select(holder => roles.Grains.GetGrain<IEmployeeGrain>(holder).ReloadAsync()));
    }

    /// <summary>No one grants, takes away or deletes a permission their own role does not give them.</summary>
    private static async Task<ProblemHttpResult?> BeyondCallerAsync(RoleServices roles, IEnumerable<string> permissions)
    {
        var own = await roles.Access.PermissionsOfAsync(roles.User, roles.CancellationToken);
        var beyond = permissions.Where(p => !own.Contains(p)).Distinct().ToList();
        return beyond.Count == 0
            ? null
            : FieldProblems.Of(
                StatusCodes.Status403Forbidden, "permissions",
                $"Your role does not grant {string.Join(", ", beyond)}: only someone who has a permission can give it or take it away.");
    }

    private static string? CheckName(string? name, bool required, Dictionary<string, string[]> errors)
    {
        if (name is null)
        {
            if (required)
            {
                errors["name"] = ["Required."];
            }

            return null;
        }

        var trimmed = name.Trim();
        if (!RoleName().IsMatch(trimmed))
        {
            errors["name"] = ["2 to 32 lower-case letters, digits, '-' or '_', starting with a letter."];
        }
        else if (SystemRoles.IsReserved(trimmed))
        {
            errors["name"] = [$"'{trimmed}' is a system role's name."];
        }

        return trimmed;
    }

    private static string[]? CheckPermissions(string[]? permissions, bool required, Dictionary<string, string[]> errors)
    {
        if (permissions is null)
        {
            if (required)
            {
                errors["permissions"] = ["Required: the list of permissions the role grants (it may be empty)."];
            }

            return null;
        }

        var unknown = permissions.Where(p => !Permissions.IsKnown(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            errors["permissions"] = [$"Unknown permission(s): {string.Join(", ", unknown)}. The permissions are: {string.Join(", ", Permissions.All.Select(p => p.Name))}."];
            return null;
        }

        return RoleStore.Ordered(permissions);
    }

    private static ProblemHttpResult Refused(RoleRefusal refusal) => refusal switch
    {
        RoleRefusal.NotFound => FieldProblems.NotFound("role"),
        RoleRefusal.SystemRole => FieldProblems.Conflict("id", "The system roles (owner, admin, agent, viewer) cannot be changed or deleted."),
        RoleRefusal.NameTaken => FieldProblems.Conflict("name", "The business already has a role of that name."),
        _ => FieldProblems.Conflict("id", "Employees hold this role; give them another role first."),
    };

    [GeneratedRegex("^[a-z][a-z0-9_-]{1,31}$")]
    private static partial Regex RoleName();
}
