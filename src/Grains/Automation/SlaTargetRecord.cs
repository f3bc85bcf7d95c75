namespace Conversations.Grains.Automation;

/// <param name="Metric"><c>first_response</c> or <c>resolution</c>.</param>
public sealed record SlaTargetRecord(
    Guid Id,
    Guid BusinessId,
    Guid ConversationId,
    Guid PolicyId,
    string Metric,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? MetAt);
