using Conversations.Grains.Assistant;

namespace Conversations.Infrastructure.Assistant;

/// <summary>A business's assistant settings as shown to its owners: the API key only as set or not.</summary>
/// <param name="Tone">How the assistant speaks: <see cref="AssistantTones"/>.</param>
/// <param name="MaxMisunderstandings">Messages in a row it may not understand before handing off; null: the cluster's setting.</param>
/// <param name="HandoffKeywords">Words or phrases that send a customer to the team when a message contains them.</param>
public sealed record AssistantSettingsView(
    bool Enabled,
    string Provider,
    string? BaseUrl,
    string? Model,
    bool HasApiKey,
    string? Instructions,
    DateTimeOffset? UpdatedAt,
    string Tone,
    int? MaxMisunderstandings,
    IReadOnlyList<string> HandoffKeywords);
