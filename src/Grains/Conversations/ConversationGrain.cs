using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Conversations.Grains.Conversations;

/// <inheritdoc cref="IConversationGrain"/>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", "conversations")] IPersistentState<ConversationState> state,
    IConversationStore store,
    TimeProvider time,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    private const int RecentIdWindow = 64;

    private readonly RecentMessageIds recentIds = new(RecentIdWindow);
    private long lastSequence;
    private IAsyncStream<BusinessEvent>? events;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The transcript, not the grain state, is the source of truth for numbering: a silo can die
        // between storing a message and writing state, and the next message must not reuse a number.
        // That includes the first message, after which no state exists yet, so read even without it.
        var tail = await store.ReadTailAsync(this.GetPrimaryKey(), RecentIdWindow, cancellationToken);
        lastSequence = tail.LastSequence;
        foreach (var id in tail.RecentProviderMessageIds.Reverse())
        {
            recentIds.Add(id);
        }
    }

    public async Task<MessageAcceptance> ReceiveAsync(InboundMessage message)
    {
        var conversationId = this.GetPrimaryKey();
        if (ConversationIds.For(message.BusinessId, message.CustomerWaId) != conversationId)
        {
            throw new ArgumentException("The message belongs to another conversation.", nameof(message));
        }

        if (recentIds.Contains(message.ProviderMessageId))
        {
            return MessageAcceptance.Duplicate;
        }

        var now = time.GetUtcNow();
        var stateChanged = Adopt(message, now);

        var stored = new StoredMessage(
            Guid.CreateVersion7(now),
            message.BusinessId,
            conversationId,
            lastSequence + 1,
            MessageDirection.Inbound,
            MessageSender.Customer,
            message.Kind,
            message.Body,
            message.ProviderMessageId,
            message.SentAt,
            now);

        var appended = await store.AppendAsync(ToRow(stored), stored);
        recentIds.Add(message.ProviderMessageId);
        if (stateChanged)
        {
            await state.WriteStateAsync();
        }

        if (!appended)
        {
            return MessageAcceptance.Duplicate;
        }

        lastSequence = stored.Sequence;
        await PublishAsync(new MessageAdded(message.BusinessId, stored.ToView()));
        return MessageAcceptance.Stored;
    }

    public Task<ConversationSnapshot?> GetSnapshotAsync()
    {
        if (!state.RecordExists)
        {
            return Task.FromResult<ConversationSnapshot?>(null);
        }

        var s = state.State;
        return Task.FromResult<ConversationSnapshot?>(new ConversationSnapshot(
            this.GetPrimaryKey(), s.BusinessId, s.CustomerWaId, s.CustomerName, s.Mode, lastSequence, s.CreatedAt));
    }

    /// <summary>Takes the conversation's identity from its first message and the customer's newest profile name.</summary>
    private bool Adopt(InboundMessage message, DateTimeOffset now)
    {
        var s = state.State;
        var changed = false;
        if (!state.RecordExists && s.CustomerWaId.Length == 0)
        {
            s.BusinessId = message.BusinessId;
            s.CustomerWaId = message.CustomerWaId;
            s.CreatedAt = now;
            changed = true;
        }

        if (!string.IsNullOrWhiteSpace(message.CustomerName) && message.CustomerName != s.CustomerName)
        {
            s.CustomerName = message.CustomerName;
            changed = true;
        }

        return changed || !state.RecordExists;
    }

    private StoredConversation ToRow(StoredMessage message)
    {
        var s = state.State;
        return new StoredConversation(
            message.ConversationId, s.BusinessId, s.CustomerWaId, s.CustomerName, s.Mode,
            s.CreatedAt, message.StoredAt, message.Sequence);
    }

    private async Task PublishAsync(BusinessEvent businessEvent)
    {
        // The message is already durable; a lost live event costs a client a catch-up read, not data,
        // so a stream failure must not fail the delivery.
        try
        {
            events ??= this.GetStreamProvider(BusinessStreams.ProviderName)
                .GetStream<BusinessEvent>(BusinessStreams.For(state.State.BusinessId));
            await events.OnNextAsync(businessEvent);
        }
        catch (Exception exception)
        {
            LogPublishFailed(exception, businessEvent.BusinessId, businessEvent.ConversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a live event for {BusinessId} {ConversationId}")]
    private partial void LogPublishFailed(Exception exception, Guid businessId, Guid conversationId);
}
