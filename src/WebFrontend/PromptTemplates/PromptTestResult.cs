namespace Conversations.WebFrontend.PromptTemplates;

/// <summary>The template as the language model would get it, and the value of every variable.</summary>
public sealed record PromptTestResult(string Rendered, IReadOnlyDictionary<string, string> Variables);
