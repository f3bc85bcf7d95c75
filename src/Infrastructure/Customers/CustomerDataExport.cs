using System.Text.Json;

namespace Conversations.Infrastructure.Customers;

/// <summary>Everything held about one customer (a data-subject access request): profile, conversations, messages, bookings.</summary>
public sealed record CustomerDataExport(
    CustomerRecord Profile,
    IReadOnlyList<CustomerDataExport.Conversation> Conversations,
    IReadOnlyList<CustomerDataExport.Message> Messages,
    IReadOnlyList<CustomerDataExport.Booking> Bookings,
    DateTimeOffset ExportedAt)
{
    public sealed record Conversation(Guid Id, string? CustomerName, string Mode, DateTimeOffset CreatedAt, DateTimeOffset LastMessageAt);

    public sealed record Message(
        Guid ConversationId, long Sequence, string Direction, string Sender, string Kind, string? Body, JsonElement? Content, DateTimeOffset SentAt);

    public sealed record Booking(Guid Id, string Service, DateTimeOffset Start, DateTimeOffset End, string Status, string Notes, DateTimeOffset CreatedAt);
}
