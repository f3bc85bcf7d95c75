using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Conversations.WebFrontend.Roles;

/// <summary>
/// The authorization policies of the API: one per permission (<c>permission:bookings.write</c>), met when the
/// caller's role grants it, and <see cref="OwnAccount"/> for what every employee may do to their own account.
/// Every route states one of them (or <c>AllowAnonymous</c>, or the platform's policy); the fallback policy only
/// catches a route that forgot to, and the isolation tests refuse such a route.
/// </summary>
public static class Permission
{
    public const string PolicyPrefix = "permission:";

    /// <summary>Any signed-in employee, for their own account, sessions, two factors and notifications.</summary>
    public const string OwnAccount = "own-account";

    /// <summary>The policy requiring <paramref name="permission"/>; throws at start-up for a name that is not a permission.</summary>
    public static string For(string permission) =>
        Permissions.IsKnown(permission)
            ? PolicyPrefix + permission
            : throw new ArgumentException($"'{permission}' is not a permission; see Permissions.All.", nameof(permission));

    /// <summary>The permission a policy name requires, or <c>null</c> for other policies.</summary>
    public static string? Of(string? policy) =>
        policy is not null && policy.StartsWith(PolicyPrefix, StringComparison.Ordinal) ? policy[PolicyPrefix.Length..] : null;

    /// <summary>Only employees whose role grants <paramref name="permission"/> reach the endpoint; others get 403.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(For(permission));

    /// <summary>Any signed-in employee reaches the endpoint: it acts on their own account only.</summary>
    public static TBuilder RequireOwnAccount<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(OwnAccount);

    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(OwnAccount, policy => policy.RequireAuthenticatedUser().RequireClaim(ConversationsClaims.BusinessId));
        foreach (var permission in Permissions.All)
        {
            authorization.AddPolicy(PolicyPrefix + permission.Name, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(ConversationsClaims.BusinessId)
                .AddRequirements(new PermissionRequirement(permission.Name)));
        }

        return authorization;
    }
}
