using Microsoft.AspNetCore.Authorization;

namespace Conversations.WebFrontend.Roles;

/// <summary>Met when the caller's role grants <see cref="Permission"/>.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
