namespace Conversations.Grains.Conversations;

/// <param name="LastSequence">The highest stored sequence number, 0 for an empty transcript.</param>
/// <param name="RecentProviderMessageIds">Provider ids of the newest messages, newest first.</param>
/// <param name="LastCustomerMessageAt">When the customer last wrote, if ever.</param>
public sealed record ConversationTail(
    long LastSequence, IReadOnlyList<string> RecentProviderMessageIds, DateTimeOffset? LastCustomerMessageAt);
