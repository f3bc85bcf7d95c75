namespace Conversations.Grains.Assistant;

/// <summary>What a turn reads before it answers, read together in one round trip.</summary>
/// <param name="Profile">Null for an unknown business.</param>
/// <param name="Services">The business's active services, by name.</param>
/// <param name="Transcript">The newest messages of the conversation, oldest first.</param>
public sealed record TurnContext(AssistantProfile? Profile, IReadOnlyList<ServiceOffer> Services, IReadOnlyList<TranscriptLine> Transcript);
