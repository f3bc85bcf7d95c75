namespace Conversations.Infrastructure.Platform;

/// <summary>Someone who runs the platform: not an employee of any business.</summary>
public sealed record PlatformAdmin(Guid Id, string Email, string DisplayName, string PasswordHash);
