namespace Conversations.Infrastructure.Assistant;

/// <summary>The assistant's manner and when it hands a customer to the team.</summary>
/// <param name="MaxMisunderstandings">Null: the cluster's <c>Conversations:Assistant:MaxMisunderstandings</c>.</param>
public sealed record AssistantRules(string Tone, int? MaxMisunderstandings, IReadOnlyList<string> HandoffKeywords);
