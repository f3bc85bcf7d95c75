namespace Conversations.WebFrontend.Tests;

/// <summary>The JSON of <c>GET /api/messages</c>, read as a client would (enums as strings).</summary>
public sealed record MessagePage(Guid ConversationId, IReadOnlyList<MessageJson> Messages);
