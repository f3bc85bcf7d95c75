namespace Conversations.Infrastructure.Channels;

/// <summary>One webhook delivery as <c>webhook_logs</c> records it: never its body or credentials.</summary>
/// <param name="Outcome">A short word: <c>accepted</c>, <c>unauthorized</c>, <c>malformed</c>, <c>unknown_number</c>, <c>too_large</c>, <c>failed</c>.</param>
public sealed record WebhookLogEntry(
    string Provider,
    Guid? BusinessId,
    int StatusCode,
    string Outcome,
    string? Reason,
    int Messages,
    int Statuses,
    TimeSpan Duration);
