namespace Conversations.Infrastructure.Voice;

/// <param name="StoredMediaId">Null while the provider's copy has not been fetched.</param>
public sealed record StoredAudio(Guid ConversationId, string Kind, Guid? StoredMediaId);
