namespace Conversations.Grains.Conversations;

/// <summary>
/// The provider ids of a conversation's newest messages. Providers redeliver recent messages, so a
/// bounded window answers most duplicates without a database round trip; the unique index on
/// (business_id, provider_message_id) catches the rest.
/// </summary>
public sealed class RecentMessageIds(int capacity)
{
    private readonly Queue<string> order = new(capacity);
    private readonly HashSet<string> ids = new(capacity, StringComparer.Ordinal);

    public bool Contains(string providerMessageId) => ids.Contains(providerMessageId);

    public void Add(string providerMessageId)
    {
        if (!ids.Add(providerMessageId))
        {
            return;
        }

        order.Enqueue(providerMessageId);
        if (order.Count > capacity)
        {
            ids.Remove(order.Dequeue());
        }
    }
}
