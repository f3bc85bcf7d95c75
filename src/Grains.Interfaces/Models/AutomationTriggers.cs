namespace Conversations.Grains.Interfaces.Models;

/// <summary>The conversation events an automation rule may start on.</summary>
public static class AutomationTriggers
{
    public const string MessageReceived = "message_received";
    public const string ConversationCreated = "conversation_created";
    public const string HandedOff = "handed_off";
    public const string Resolved = "resolved";
    public const string BookingCreated = "booking_created";

    public static IReadOnlyList<string> All { get; } = [MessageReceived, ConversationCreated, HandedOff, Resolved, BookingCreated];
}
