using System.Text.Json;

namespace Conversations.Infrastructure.Customers;

/// <summary>A customer as the API shows it. Last seen is when they last wrote on WhatsApp.</summary>
public sealed record CustomerRecord(
    Guid Id,
    string? Name,
    string? WaId,
    string? Phone,
    string? Email,
    IReadOnlyList<string> Tags,
    bool IsVip,
    JsonElement Attributes,
    int NotesCount,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ErasedAt);
