namespace Conversations.Grains.Assistant;

/// <summary>
/// Whose behalf the tools act on: one conversation of one business. Every tool call is checked against it,
/// whatever the model asks for.
/// </summary>
public sealed record ToolScope(Guid BusinessId, Guid ConversationId, string TimeZone);
