namespace Conversations.WebFrontend.PromptTemplates;

/// <summary>What to change; a field left out stays as it is.</summary>
public sealed record PromptTemplatePatch(string? Name, string? Body, bool? IsActive);
