namespace Conversations.Infrastructure.Roles;

/// <summary>A permission and, in words, what it allows.</summary>
public sealed record PermissionInfo(string Name, string Description);
