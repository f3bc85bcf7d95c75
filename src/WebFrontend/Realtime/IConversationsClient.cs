using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.Realtime;

/// <summary>The events the hub sends to agents' browsers.</summary>
public interface IConversationsClient
{
    /// <summary>The connection receives live events from now on; the moment to catch up on what was missed.</summary>
    Task Ready();

    /// <summary>A message was stored; <see cref="MessageView.Sequence"/> is the client's catch-up cursor.</summary>
    Task MessageAdded(MessageView message);

    /// <summary>A stored message changed: its delivery state (sent, delivered, read, failed) or its reactions.</summary>
    Task MessageUpdated(MessageView message);

    /// <summary>A conversation's handling changed: mode (takeover, release), assignee, status or labels.</summary>
    Task ConversationChanged(ConversationSnapshot conversation);

    /// <summary>A colleague came online, went away or went offline.</summary>
    Task PresenceChanged(Guid employeeId, Presence presence);

    /// <summary>A colleague is typing in a conversation.</summary>
    Task Typing(Guid conversationId, Guid employeeId);

    /// <summary>A colleague wrote an internal note.</summary>
    Task NoteAdded(NoteView note);

    /// <summary>Something for this employee alone: a mention, an assignment.</summary>
    Task Notification(NotificationView notification);
}
