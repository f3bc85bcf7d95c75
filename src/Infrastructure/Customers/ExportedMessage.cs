using System.Text.Json;

namespace Conversations.Infrastructure.Customers;

/// <summary>A message in a customer's data export, with its full content as stored.</summary>
public sealed record ExportedMessage(
    Guid ConversationId, long Sequence, string Direction, string Sender, string Kind, string? Body, JsonElement? Content, DateTimeOffset SentAt);
