using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Conversations;

/// <summary>The words enums are stored as (the tables' CHECK constraints list the same words).</summary>
public static class StoredNames
{
    public static string Of(ConversationMode mode) => mode switch
    {
        ConversationMode.Ai => "ai",
        ConversationMode.Human => "human",
        ConversationMode.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string Of(MessageDirection direction) => direction switch
    {
        MessageDirection.Inbound => "inbound",
        MessageDirection.Outbound => "outbound",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static string Of(MessageSender sender) => sender switch
    {
        MessageSender.Customer => "customer",
        MessageSender.Assistant => "assistant",
        MessageSender.Employee => "employee",
        MessageSender.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(sender), sender, null),
    };

    public static string Of(DeliveryState state) => state switch
    {
        DeliveryState.Queued => "queued",
        DeliveryState.Sent => "sent",
        DeliveryState.Delivered => "delivered",
        DeliveryState.Read => "read",
        DeliveryState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Of(ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "open",
        ConversationStatus.Pending => "pending",
        ConversationStatus.Snoozed => "snoozed",
        ConversationStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static MessageSender Sender(string value) => value switch
    {
        "customer" => MessageSender.Customer,
        "assistant" => MessageSender.Assistant,
        "employee" => MessageSender.Employee,
        _ => MessageSender.System,
    };

    public static DeliveryState Delivery(string value) => value switch
    {
        "queued" => DeliveryState.Queued,
        "sent" => DeliveryState.Sent,
        "delivered" => DeliveryState.Delivered,
        "read" => DeliveryState.Read,
        _ => DeliveryState.Failed,
    };
}
