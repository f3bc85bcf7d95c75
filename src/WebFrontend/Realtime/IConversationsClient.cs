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

    /// <summary>The assistant started (true) or finished (false) writing a reply in a conversation.</summary>
    Task AssistantDrafting(Guid conversationId, bool drafting);

    /// <summary>
    /// The assistant finished a reply after the conversation was taken over: not sent, offered to
    /// <paramref name="employeeId"/> (who holds the conversation) as a draft.
    /// </summary>
    Task DraftOffered(Guid conversationId, Guid turnId, Guid? employeeId, string text);

    /// <summary>A conversation reached the humans: why, what the customer wants, what happened so far.</summary>
    Task HandoffSummarized(HandoffSummary summary);

    /// <summary>Something for this employee alone: a mention, an assignment.</summary>
    Task Notification(NotificationView notification);
}
