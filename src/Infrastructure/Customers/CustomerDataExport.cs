namespace Conversations.Infrastructure.Customers;

/// <summary>Everything held about one customer (a data-subject access request): profile, conversations, messages, bookings.</summary>
public sealed record CustomerDataExport(
    CustomerRecord Profile,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<ExportedBooking> Bookings,
    DateTimeOffset ExportedAt);
