using Conversations.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// One customer's thread with one business, keyed by <see cref="ConversationIds.For"/>. It processes that
/// customer's messages strictly in order and owns the conversation's mode, its 24-hour window and the
/// delivery of what the business sends.
/// </summary>
public interface IConversationGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores a message the customer sent (or attaches a reaction to the message it reacts to), then
    /// announces it on the business's stream. Idempotent on <see cref="InboundMessage.ProviderMessageId"/>:
    /// a redelivered message is reported as a duplicate and stored nowhere twice. Completes only once the
    /// message is durable.
    /// </summary>
    Task<MessageAcceptance> ReceiveAsync(InboundMessage message);

    /// <summary>Moves an outbound message's delivery state forward; out-of-order reports never move it back.</summary>
    Task ApplyDeliveryStatusAsync(DeliveryStatusUpdate status);

    /// <summary>
    /// Queues a message to the customer in the durable outbox and returns it as stored (delivery state
    /// <see cref="DeliveryState.Queued"/>). Idempotent on <see cref="OutboundMessage.ClientMessageId"/>.
    /// Outside the 24-hour window only a template is accepted.
    /// </summary>
    Task<SendOutcome> SendAsync(OutboundMessage message);

    /// <summary>Called by the outbox once the provider accepted a message, or refused it for good.</summary>
    Task RecordSendResultAsync(Guid messageId, ProviderSendResult result);

    /// <summary>
    /// Called by the outbox once a customer's media was fetched into the media store (or can never be):
    /// links it to its message and tells agents.
    /// </summary>
    Task RecordMediaAsync(Guid messageId, Guid? storedMediaId);

    /// <summary>
    /// A voice note's transcript (or why there is none): attached to the message, shown to agents, and — the
    /// assistant having waited for it — answered as the customer's words.
    /// </summary>
    Task RecordTranscriptAsync(Guid messageId, VoiceTranscription transcription);

    /// <summary>
    /// An employee takes the conversation from the assistant (or from the unassigned queue): mode human,
    /// assigned to them. Refused, naming the holder, when another employee holds it; of two at once, one wins.
    /// </summary>
    /// <param name="announceAs">When set, the customer is told that this person joined the conversation.</param>
    Task<OwnershipChange> TakeOverAsync(Guid employeeId, string? announceAs = null);

    /// <summary>Hands the conversation back to the assistant. Only its holder, or a supervisor, may.</summary>
    Task<OwnershipChange> ReleaseAsync(Guid actorId, bool asSupervisor);

    /// <summary>
    /// Gives the conversation to an employee (<c>null</c>: back to the unassigned queue), keeping it with humans.
    /// Its holder may pass it on; a supervisor may reassign anything.
    /// </summary>
    Task<OwnershipChange> AssignAsync(Guid actorId, Guid? assigneeId, bool asSupervisor);

    /// <summary>
    /// Sends the conversation to the humans' queue: mode human, nobody assigned, open. The assistant calls it
    /// when the customer asks for a person; agents to put a conversation back in the queue.
    /// </summary>
    Task<ConversationSnapshot> HandOffAsync(Guid? actorId);

    /// <summary>Auto-assignment's offer: taken when the conversation still waits in the queue.</summary>
    Task<bool> AutoAssignAsync(Guid employeeId);

    /// <summary>Moves the conversation through open, pending, snoozed (until a time) and resolved.</summary>
    Task<ConversationSnapshot> SetStatusAsync(ConversationStatus status, DateTimeOffset? snoozeUntil);

    /// <summary>Adds and removes labels.</summary>
    Task<ConversationSnapshot> ChangeLabelsAsync(string[] add, string[] remove);

    /// <summary>
    /// The customer was erased: forget their name and WhatsApp id and send them nothing more. If they write
    /// again, the conversation takes them on as new.
    /// </summary>
    Task ForgetCustomerAsync();

    /// <summary>
    /// The assistant finished a turn. Sent to the customer while the assistant still has the conversation;
    /// after a takeover only offered to the agent as a draft. A reply to a turn that is no longer current is dropped.
    /// </summary>
    Task CompleteTurnAsync(AssistantReply reply);

    /// <summary>The conversation as it stands, or <c>null</c> when no message was ever received.</summary>
    Task<ConversationSnapshot?> GetSnapshotAsync();

    /// <summary>
    /// Runs a macro's actions in order for an employee. With an idempotency key, a second run with the same key
    /// does nothing and answers with the first run's outcome.
    /// </summary>
    Task<MacroOutcome> RunMacroAsync(MacroRun run);

    /// <summary>A booking was made for this conversation's customer: the rules on <c>booking_created</c> run.</summary>
    [OneWay]
    Task BookingCreatedAsync(Guid bookingId);
}
