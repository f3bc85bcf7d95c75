using System.Text.Json;

namespace Conversations.WebFrontend.PromptTemplates;

/// <summary>
/// What to render a template against: one of the business's conversations, or sample values; <c>sample</c> overrides
/// any variable by name (<c>{"customer.name": "Zoe"}</c>).
/// </summary>
public sealed record PromptTestRequest(string? ConversationId, Dictionary<string, JsonElement>? Sample);
