namespace Conversations.WebFrontend.PromptTemplates;

/// <summary>A new template: <c>flowState</c> (snake_case) and <c>body</c> are required; a template starts inactive unless <c>isActive</c>.</summary>
public sealed record PromptTemplateRequest(string? FlowState, string? Name, string? Body, bool? IsActive);
