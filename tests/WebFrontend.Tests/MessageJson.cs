namespace Conversations.WebFrontend.Tests;

public sealed record MessageJson(
    Guid Id,
    Guid ConversationId,
    long Sequence,
    string Direction,
    string Sender,
    string Kind,
    string? Body,
    string? ProviderMessageId,
    DateTimeOffset SentAt,
    DateTimeOffset StoredAt);
