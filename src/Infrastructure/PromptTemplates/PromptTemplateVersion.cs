namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>A saved name and body of a template; <paramref name="ChangedBy"/> is null for the seeded default.</summary>
public sealed record PromptTemplateVersion(int Version, string Name, string Body, Guid? ChangedBy, DateTimeOffset ChangedAt);
