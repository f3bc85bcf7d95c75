namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>A variable a prompt template may use as <c>{{ name }}</c>, with what it is filled with.</summary>
public sealed record PromptVariable(string Name, string Description);
