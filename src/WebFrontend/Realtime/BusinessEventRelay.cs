using System.Collections.Concurrent;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;

namespace Conversations.WebFrontend.Realtime;

/// <summary>
/// Bridges each business's Orleans stream to its SignalR group. This frontend holds one subscription per
/// business with connected agents, however many connections that business has, and drops it when the
/// last one leaves — so frontends scale out without a SignalR backplane.
/// </summary>
public sealed partial class BusinessEventRelay(
    IClusterClient cluster,
    IHubContext<ConversationsHub, IConversationsClient> hub,
    LiveConnections live,
    ILogger<BusinessEventRelay> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Guid, BusinessSubscription> businesses = new();

    /// <summary>Counts a connection of the business in, subscribing on the first one.</summary>
    public async Task JoinAsync(Guid businessId)
    {
        var business = businesses.GetOrAdd(businessId, _ => new BusinessSubscription());
        await business.Gate.WaitAsync();
        try
        {
            business.Connections++;
            if (business.Handle is null)
            {
                business.Handle = await cluster.GetStreamProvider(BusinessStreams.ProviderName)
                    .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
                    .SubscribeAsync((businessEvent, _) => RelayAsync(businessId, businessEvent));
                LogSubscribed(businessId);
            }
        }
        catch
        {
            business.Connections--;
            throw;
        }
        finally
        {
            business.Gate.Release();
        }
    }

    /// <summary>Counts a connection out, unsubscribing after the last one.</summary>
    public async Task LeaveAsync(Guid businessId)
    {
        if (!businesses.TryGetValue(businessId, out var business))
        {
            return;
        }

        await business.Gate.WaitAsync();
        try
        {
            business.Connections = Math.Max(0, business.Connections - 1);
            if (business.Connections == 0 && business.Handle is { } handle)
            {
                business.Handle = null;
                await handle.UnsubscribeAsync();
                LogUnsubscribed(businessId);
            }
        }
        finally
        {
            business.Gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Leaves no subscription behind in the durable pub-sub store when this frontend stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (businessId, business) in businesses)
        {
            await business.Gate.WaitAsync(cancellationToken);
            try
            {
                if (business.Handle is { } handle)
                {
                    business.Handle = null;
                    await handle.UnsubscribeAsync();
                }
            }
            catch (Exception exception)
            {
                LogUnsubscribeFailed(exception, businessId);
            }
            finally
            {
                business.Gate.Release();
            }
        }
    }

    private Task RelayAsync(Guid businessId, BusinessEvent businessEvent)
    {
        var group = hub.Clients.Group(ConversationsHub.GroupFor(businessId));
        return businessEvent switch
        {
            MessageAdded added => group.MessageAdded(added.Message),
            MessageUpdated updated => group.MessageUpdated(updated.Message),
            ConversationChanged changed => group.ConversationChanged(changed.Conversation),
            NoteAdded note => group.NoteAdded(note.Note),
            PresenceChanged presence => group.PresenceChanged(presence.EmployeeId, presence.Presence),
            TypingStarted typing => group.Typing(typing.ConversationId, typing.EmployeeId),
            AssistantDrafting drafting => group.AssistantDrafting(drafting.ConversationId, drafting.Drafting),
            DraftOffered draft => group.DraftOffered(draft.ConversationId, draft.TurnId, draft.EmployeeId, draft.Text),
            HandoffSummarized summarized => group.HandoffSummarized(summarized.Summary),
            EmployeeAccessChanged changed => live.RecheckAsync(changed.EmployeeId),
            NotificationCreated created => hub.Clients.Group(ConversationsHub.EmployeeGroupFor(created.Notification.EmployeeId))
                .Notification(created.Notification),
            _ => Task.CompletedTask,
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relaying live events of {BusinessId}")]
    private partial void LogSubscribed(Guid businessId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stopped relaying live events of {BusinessId}")]
    private partial void LogUnsubscribed(Guid businessId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unsubscribe from the live events of {BusinessId}")]
    private partial void LogUnsubscribeFailed(Exception exception, Guid businessId);

    private sealed class BusinessSubscription
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Connections { get; set; }

        public StreamSubscriptionHandle<BusinessEvent>? Handle { get; set; }
    }
}
