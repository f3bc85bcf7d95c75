using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>
/// Hands what a webhook delivered to the conversation grains: one customer's messages and statuses in the
/// order the provider listed them, different customers in parallel. Completes when every message is durable.
/// </summary>
public sealed class InboundDispatcher(IClusterClient cluster)
{
    public async Task<DeliveryReceipt> DispatchAsync(
        IReadOnlyList<InboundMessage> messages, IReadOnlyList<DeliveryStatusUpdate> statuses)
    {
        var work = messages.Select(m => (Conversation: ConversationIds.For(m.BusinessId, m.CustomerWaId), Message: (InboundMessage?)m, Status: (DeliveryStatusUpdate?)null))
            .Concat(statuses.Select(s => (Conversation: ConversationIds.For(s.BusinessId, s.CustomerWaId), Message: (InboundMessage?)null, Status: (DeliveryStatusUpdate?)s)));

        var outcomes = await Task.WhenAll(work.GroupBy(w => w.Conversation).Select(async conversation =>
        {
            var grain = cluster.GetGrain<IConversationGrain>(conversation.Key);
            var results = new List<MessageAcceptance>();
            foreach (var item in conversation)
            {
                if (item.Message is { } message)
                {
                    results.Add(await grain.ReceiveAsync(message));
                }
                else
                {
                    await grain.ApplyDeliveryStatusAsync(item.Status!);
                }
            }

            return results;
        }));

        var all = outcomes.SelectMany(o => o).ToList();
        return new DeliveryReceipt(
            all.Count,
            all.Count(o => o == MessageAcceptance.Stored),
            all.Count(o => o == MessageAcceptance.Duplicate),
            statuses.Count);
    }
}
