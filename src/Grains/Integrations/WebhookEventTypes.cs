namespace Conversations.Grains.Integrations;

/// <summary>The event types an endpoint may subscribe to.</summary>
public static class WebhookEventTypes
{
    public const string MessageReceived = "message.received";
    public const string MessageSent = "message.sent";
    public const string MessageDeliveryChanged = "message.delivery_changed";
    public const string ConversationHandedOff = "conversation.handed_off";
    public const string ConversationAssigned = "conversation.assigned";
    public const string ConversationResolved = "conversation.resolved";
    public const string BookingCreated = "booking.created";
    public const string BookingChanged = "booking.changed";
    public const string BookingCancelled = "booking.cancelled";
    public const string PaymentReceived = "payment.received";

    /// <summary>A rule or macro with a <c>call_webhook</c> action ran.</summary>
    public const string AutomationTriggered = "automation.triggered";

    /// <summary>Sent by <c>POST /api/webhooks/endpoints/{id}/test</c> only, whatever the subscription.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
    [
        MessageReceived, MessageSent, MessageDeliveryChanged, ConversationHandedOff, ConversationAssigned,
        ConversationResolved, BookingCreated, BookingChanged, BookingCancelled, PaymentReceived, AutomationTriggered,
    ];
}
