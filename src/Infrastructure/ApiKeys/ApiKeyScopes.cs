namespace Conversations.Infrastructure.ApiKeys;

/// <summary>What an API key may be allowed to do. A key can use only the routes one of its scopes covers.</summary>
public static class ApiKeyScopes
{
    public const string ConversationsRead = "conversations:read";
    public const string MessagesSend = "messages:send";
    public const string BookingsRead = "bookings:read";
    public const string BookingsManage = "bookings:manage";
    public const string CustomersRead = "customers:read";

    public static IReadOnlyList<string> All { get; } = [ConversationsRead, MessagesSend, BookingsRead, BookingsManage, CustomersRead];
}
