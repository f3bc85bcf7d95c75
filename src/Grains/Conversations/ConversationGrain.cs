using Conversations.Grains.Assistant;
using Conversations.Grains.Automation;
using Conversations.Grains.Businesses;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Grains.Observability;
using Conversations.Grains.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Conversations.Grains.Conversations;

/// <inheritdoc cref="IConversationGrain"/>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", "conversations")] IPersistentState<ConversationState> state,
    IConversationStore store,
    IEmployeeNotifier notifier,
    IAssistantLedger ledger,
    IAutomationStore automation,
    IBusinessHours businessHours,
    ConversationsMetrics metrics,
    IOptions<AssistantOptions> assistantOptions,
    IOptions<AutomationOptions> automationOptions,
    TimeProvider time,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain, IRemindable
{
    private const string SnoozeReminder = "snooze";

    /// <summary>WhatsApp's customer-service window: free-form replies within 24 hours of the customer's last message.</summary>
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    private const int RecentIdWindow = 64;

    /// <summary>What stands for an erased customer's WhatsApp id, in state and on the conversation's row.</summary>
    private const string ErasedCustomer = "erased";
    private const int EarlyStatusLimit = 64;

    private readonly RecentMessageIds recentIds = new(RecentIdWindow);

    // A provider can report on a message before its send call has returned to us; such reports wait here
    // for the provider id to be recorded.
    private readonly List<DeliveryStatusUpdate> earlyStatuses = [];

    private long lastSequence;
    private DateTimeOffset? lastCustomerMessageAt;
    private IAsyncStream<BusinessEvent>? events;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The transcript, not the grain state, is the source of truth for numbering: a silo can die
        // between storing a message and writing state, and the next message must not reuse a number.
        // That includes the first message, after which no state exists yet, so read even without it.
        var tail = await store.ReadTailAsync(this.GetPrimaryKey(), RecentIdWindow, cancellationToken);
        lastSequence = tail.LastSequence;
        lastCustomerMessageAt = tail.LastCustomerMessageAt;
        foreach (var id in tail.RecentProviderMessageIds.Reverse())
        {
            recentIds.Add(id);
        }

        await ArmSlaAsync();
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
        var created = !state.RecordExists;
        var stateChanged = Adopt(message, now);
        if (message.SentAt > lastCustomerMessageAt || lastCustomerMessageAt is null)
        {
            lastCustomerMessageAt = message.SentAt;
        }

        var rating = state.State.RatingRequestedAt is { } asked && now - asked < SatisfactionSurvey.AnswerWindow
            ? SatisfactionSurvey.RatingOf(message.Content)
            : null;
        var ratingComment = rating is null && state.State.RatingCommentInvitedAt is { } invited && now - invited < SatisfactionSurvey.CommentWindow
            && message.Content.Kind == "text" && !string.IsNullOrWhiteSpace(message.Content.Text)
            ? message.Content.Text.Trim()
            : null;
        var reopened = state.RecordExists && state.State.Status != ConversationStatus.Open && rating is null && ratingComment is null;

        if (message.Content.Reaction is { } reaction)
        {
            await EnsureStateWrittenAsync(stateChanged);
            var reacted = await store.SetReactionAsync(
                message.BusinessId, conversationId, message.CustomerWaId, reaction, message.ProviderMessageId, message.SentAt);
            recentIds.Add(message.ProviderMessageId);
            if (reacted is null)
            {
                return MessageAcceptance.Duplicate;
            }

            await PublishAsync(new MessageUpdated(message.BusinessId, reacted));
            return MessageAcceptance.Stored;
        }

        var stored = new StoredMessage(
            Guid.CreateVersion7(now),
            message.BusinessId,
            conversationId,
            lastSequence + 1,
            MessageDirection.Inbound,
            MessageSender.Customer,
            message.Content,
            message.ProviderMessageId,
            message.SentAt,
            now,
            message.ReplyToProviderMessageId,
            OutboxChannelKey: NeedsMediaFetch(message) ? message.ChannelKey : null);

        var appended = await store.AppendAsync(ToRow(), stored);
        recentIds.Add(message.ProviderMessageId);
        await EnsureStateWrittenAsync(stateChanged);
        if (!appended)
        {
            return MessageAcceptance.Duplicate;
        }

        lastSequence = stored.Sequence;
        metrics.Received(message.ChannelKey);
        await PublishAsync(new MessageAdded(message.BusinessId, stored.ToView()));
        if (message.Content.Kind == "audio" && stored.OutboxChannelKey is not null)
        {
            AwaitTranscript(stored.Id);
        }

        if (rating is { } stars)
        {
            // An answer to the rating question counts once, for who handled the conversation, and does not reopen it.
            await store.RecordRatingAsync(message.BusinessId, conversationId, state.State.RatedEmployeeId, stars, message.ProviderMessageId, now);
            state.State.RatingRequestedAt = null;
            state.State.RatingCommentInvitedAt = now;
            await state.WriteStateAsync();
            await SendAsync(new OutboundMessage(Guid.CreateVersion7(now), MessageSender.System, null, SatisfactionSurvey.CommentInvitation()));
        }
        else if (ratingComment is not null)
        {
            await store.AddRatingCommentAsync(conversationId, ratingComment);
            state.State.RatingCommentInvitedAt = null;
            await state.WriteStateAsync();
        }

        if (reopened)
        {
            // A customer who writes again needs the team again, whatever the conversation was waiting for.
            await ChangeStatusAsync(ConversationStatus.Open, null);
        }

        if (rating is null && ratingComment is null)
        {
            if (created)
            {
                await RunRulesAsync(AutomationTriggers.ConversationCreated, message.Content.Text);
            }

            await RunRulesAsync(AutomationTriggers.MessageReceived, message.Content.Text);
            await StartSlaAsync();
            await StartAssistantTurnAsync();
            if (state.State.Mode == ConversationMode.Human || !assistantOptions.Value.Enabled)
            {
                await TellIfAwayAsync();
            }
        }

        if (stored.OutboxChannelKey is { } fetchFrom)
        {
            await GrainFactory.GetGrain<IChannelOutboxGrain>(fetchFrom).WakeAsync();
        }

        return MessageAcceptance.Stored;
    }

    public async Task RecordMediaAsync(Guid messageId, Guid? storedMediaId)
    {
        var updated = await store.CompleteMediaAsync(this.GetPrimaryKey(), messageId, storedMediaId);
        if (updated is not null && storedMediaId is not null)
        {
            await PublishAsync(new MessageUpdated(state.State.BusinessId, updated));
        }

        if (updated?.Content?.Kind == "audio" && storedMediaId is { } audio)
        {
            await GrainFactory.GetGrain<IVoiceTranscriptionGrain>(0)
                .TranscribeAsync(new VoiceNote(state.State.BusinessId, this.GetPrimaryKey(), messageId, audio));
        }
        else
        {
            await StopAwaitingTranscriptAsync(messageId);
        }
    }

    /// <summary>Media only a provider holds is fetched after the message is stored, never before the webhook is answered.</summary>
    private static bool NeedsMediaFetch(InboundMessage message) =>
        message.Content.Media is { ProviderMediaId: not null, StoredMediaId: null }
        && !message.ChannelKey.StartsWith(ChannelKeys.Local + ":", StringComparison.Ordinal);

    public async Task<SendOutcome> SendAsync(OutboundMessage message)
    {
        if (!state.RecordExists || state.State.CustomerWaId == ErasedCustomer)
        {
            return new SendOutcome(null, SendRefusal.NoConversation);
        }

        var now = time.GetUtcNow();
        if (message.Content.Template is null && !IsWindowOpen(now))
        {
            return new SendOutcome(null, SendRefusal.TemplateRequired);
        }

        var conversationId = this.GetPrimaryKey();
        var channelKey = state.State.ChannelKey ?? ChannelKeys.ForLocal(state.State.BusinessId);
        var stored = new StoredMessage(
            message.ClientMessageId,
            state.State.BusinessId,
            conversationId,
            lastSequence + 1,
            MessageDirection.Outbound,
            message.Sender,
            message.Content,
            ProviderMessageId: null,
            SentAt: now,
            StoredAt: now,
            EmployeeId: message.EmployeeId,
            Delivery: DeliveryState.Queued,
            OutboxChannelKey: channelKey);

        if (!await store.AppendAsync(ToRow(), stored))
        {
            // A retried request: answer with what the first one queued.
            var existing = await store.ReadMessageAsync(conversationId, message.ClientMessageId);
            return existing is not null
                ? new SendOutcome(existing, null)
                : throw new InvalidOperationException("The message id is already used by another conversation.");
        }

        lastSequence = stored.Sequence;
        var view = stored.ToView();
        await PublishAsync(new MessageAdded(state.State.BusinessId, view));
        await GrainFactory.GetGrain<IChannelOutboxGrain>(channelKey).WakeAsync();
        if (message.Sender == MessageSender.Employee)
        {
            await MeetSlaAsync(FirstResponse);
        }
        return new SendOutcome(view, null);
    }

    public async Task RecordSendResultAsync(Guid messageId, ProviderSendResult result)
    {
        var conversationId = this.GetPrimaryKey();
        var updated = await store.CompleteSendAsync(conversationId, messageId, result, time.GetUtcNow());
        if (updated is null)
        {
            return;
        }

        if (result.Accepted)
        {
            metrics.Sent(state.State.ChannelKey, updated.Sender.ToString().ToLowerInvariant());
        }
        else
        {
            metrics.Failed(state.State.ChannelKey);
        }

        await PublishAsync(new MessageUpdated(state.State.BusinessId, updated));
        await NotifyIfFailedAsync(updated);
        if (updated.ProviderMessageId is { } providerMessageId)
        {
            var early = earlyStatuses.Where(s => s.ProviderMessageId == providerMessageId).ToList();
            earlyStatuses.RemoveAll(s => s.ProviderMessageId == providerMessageId);
            foreach (var status in early.OrderBy(s => s.State))
            {
                await ApplyDeliveryStatusAsync(status);
            }
        }
    }

    public async Task ApplyDeliveryStatusAsync(DeliveryStatusUpdate status)
    {
        var conversationId = this.GetPrimaryKey();
        if (ConversationIds.For(status.BusinessId, status.CustomerWaId) != conversationId)
        {
            throw new ArgumentException("The status belongs to another conversation.", nameof(status));
        }

        var updated = await store.AdvanceDeliveryAsync(
            conversationId, status.ProviderMessageId, status.State, status.At, status.ErrorCode, status.ErrorTitle);
        if (updated is not null)
        {
            await PublishAsync(new MessageUpdated(status.BusinessId, updated));
            await NotifyIfFailedAsync(updated);
            return;
        }

        if (earlyStatuses.Count >= EarlyStatusLimit)
        {
            earlyStatuses.RemoveAt(0);
        }

        earlyStatuses.Add(status);
    }

    public async Task<OwnershipChange> TakeOverAsync(Guid employeeId, string? announceAs = null)
    {
        var s = state.State;
        if (s.Mode == ConversationMode.Human && s.AssigneeId is { } holder)
        {
            return new OwnershipChange(holder == employeeId, holder == employeeId ? null : holder, Snapshot());
        }

        var from = s.AssigneeId;
        var fromAssistant = s.Mode == ConversationMode.Ai;
        s.Mode = ConversationMode.Human;
        s.AssigneeId = employeeId;
        var taken = await CommitHandlingAsync(new Handover("takeover", employeeId, from, employeeId, time.GetUtcNow()));
        await AssistantStoppedAsync(fromAssistant ? "takeover" : null);
        if (announceAs is not null)
        {
            // Outside the 24-hour window only templates may be sent: then the customer is simply not told.
            await SendAsync(new OutboundMessage(
                Guid.CreateVersion7(time.GetUtcNow()), MessageSender.System, employeeId,
                MessageContent.PlainText($"{announceAs} has joined the conversation.")));
        }

        return new OwnershipChange(true, null, taken);
    }

    public async Task<OwnershipChange> ReleaseAsync(Guid actorId, bool asSupervisor)
    {
        var s = state.State;
        if (s.AssigneeId is { } holder && holder != actorId && !asSupervisor)
        {
            return new OwnershipChange(false, holder, Snapshot());
        }

        if (s.Mode == ConversationMode.Ai && s.AssigneeId is null)
        {
            return new OwnershipChange(true, null, Snapshot());
        }

        var from = s.AssigneeId;
        s.Mode = ConversationMode.Ai;
        s.AssigneeId = null;
        ResumeAssistant();
        var released = await CommitHandlingAsync(new Handover("release", actorId, from, null, time.GetUtcNow()));
        FreeCapacity();
        await DropSlaAsync();
        return new OwnershipChange(true, null, released);
    }

    public async Task<OwnershipChange> AssignAsync(Guid actorId, Guid? assigneeId, bool asSupervisor)
    {
        var s = state.State;
        if (s.AssigneeId is { } holder && holder != actorId && !asSupervisor)
        {
            return new OwnershipChange(false, holder, Snapshot());
        }

        if (s.Mode == ConversationMode.Human && s.AssigneeId == assigneeId)
        {
            return new OwnershipChange(true, null, Snapshot());
        }

        var from = s.AssigneeId;
        var action = assigneeId is null ? "unassign" : from is null ? "assign" : "transfer";
        var fromAssistant = s.Mode == ConversationMode.Ai;
        s.Mode = ConversationMode.Human;
        s.AssigneeId = assigneeId;
        var assigned = await CommitHandlingAsync(new Handover(action, actorId, from, assigneeId, time.GetUtcNow()));
        await AssistantStoppedAsync(fromAssistant ? "takeover" : null);
        if (from is not null)
        {
            FreeCapacity();
        }

        return new OwnershipChange(true, null, assigned);
    }

    public async Task<ConversationSnapshot> HandOffAsync(Guid? actorId)
    {
        var fromAssistant = state.State.Mode == ConversationMode.Ai;
        await QueueForHumansAsync(actorId);
        await AssistantStoppedAsync(fromAssistant ? "agent_handoff" : null);
        await StartSlaAsync();
        await RunRulesAsync(AutomationTriggers.HandedOff, null);
        return Snapshot();
    }

    /// <summary>Mode human, nobody assigned, open: the conversation waits in the humans' queue.</summary>
    private async Task<ConversationSnapshot> QueueForHumansAsync(Guid? actorId)
    {
        var s = state.State;
        var from = s.AssigneeId;
        s.Mode = ConversationMode.Human;
        s.AssigneeId = null;
        s.Status = ConversationStatus.Open;
        s.SnoozedUntil = null;
        var snapshot = await CommitHandlingAsync(new Handover("handoff", actorId, from, null, time.GetUtcNow()));
        if (from is not null)
        {
            FreeCapacity();
        }

        return snapshot;
    }

    public async Task<bool> AutoAssignAsync(Guid employeeId)
    {
        var s = state.State;
        if (s.Mode != ConversationMode.Human || s.AssigneeId is not null || s.Status != ConversationStatus.Open)
        {
            return false;
        }

        s.AssigneeId = employeeId;
        await CommitHandlingAsync(new Handover("auto_assign", null, null, employeeId, time.GetUtcNow()));
        try
        {
            await notifier.NotifyAsync(
                s.BusinessId, employeeId, "handoff", $"A conversation with {s.CustomerName ?? s.CustomerWaId} needs you", this.GetPrimaryKey());
        }
        catch (Exception exception)
        {
            // The assignment stands and shows in the agent's inbox; the notification is a courtesy.
            LogNotifyFailed(exception, s.BusinessId, this.GetPrimaryKey());
        }

        return true;
    }

    public Task<ConversationSnapshot> SetStatusAsync(ConversationStatus status, DateTimeOffset? snoozeUntil) =>
        ChangeStatusAsync(status, status == ConversationStatus.Snoozed ? snoozeUntil : null);

    public async Task<ConversationSnapshot> ChangeLabelsAsync(string[] add, string[] remove)
    {
        var labels = state.State.Labels;
        var before = labels.ToList();
        labels.RemoveAll(l => remove.Contains(l, StringComparer.Ordinal));
        labels.AddRange(add.Where(l => !labels.Contains(l, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
        return labels.SequenceEqual(before) ? Snapshot() : await CommitHandlingAsync(null);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SlaReminder)
        {
            await CheckSlaAsync();
            await ArmSlaAsync();
            await DisarmSlaIfDoneAsync();
            return;
        }

        if (reminderName != SnoozeReminder)
        {
            return;
        }

        var s = state.State;
        if (s.Status != ConversationStatus.Snoozed)
        {
            // Left over from a snooze that something else ended.
            if (await this.GetReminder(SnoozeReminder) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }
        }
        else if (s.SnoozedUntil <= time.GetUtcNow())
        {
            await ChangeStatusAsync(ConversationStatus.Open, null);
        }
    }

    public async Task ForgetCustomerAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        state.State.CustomerName = null;
        state.State.CustomerWaId = ErasedCustomer;
        await state.WriteStateAsync();
    }

    public Task<ConversationSnapshot?> GetSnapshotAsync() =>
        Task.FromResult(state.RecordExists ? Snapshot() : null);

    private async Task<ConversationSnapshot> ChangeStatusAsync(ConversationStatus status, DateTimeOffset? snoozeUntil)
    {
        var s = state.State;
        if (s.Status == status && s.SnoozedUntil == snoozeUntil)
        {
            return Snapshot();
        }

        var freesCapacity = s.AssigneeId is not null && status is ConversationStatus.Resolved or ConversationStatus.Snoozed;
        var askForRating = status == ConversationStatus.Resolved && s.Status != ConversationStatus.Resolved;
        s.Status = status;
        s.SnoozedUntil = snoozeUntil;
        if (askForRating)
        {
            s.RatingRequestedAt = time.GetUtcNow();
            s.RatedEmployeeId = s.AssigneeId;
        }
        if (snoozeUntil is { } until)
        {
            // Reminders are durable and minute-grained: the snooze ends at the first tick after its time.
            var due = until - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(SnoozeReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(SnoozeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        var snapshot = await CommitHandlingAsync(null);
        if (freesCapacity)
        {
            FreeCapacity();
        }

        if (askForRating)
        {
            await AskForRatingAsync();
            await MeetSlaAsync(Resolution);
            await MeetSlaAsync(FirstResponse);
            await RunRulesAsync(AutomationTriggers.Resolved, null);
            return Snapshot();
        }

        return snapshot;
    }

    /// <summary>Asks the customer to rate the conversation, when the 24-hour window still allows a free-form message.</summary>
    private async Task AskForRatingAsync()
    {
        var asked = await SendAsync(new OutboundMessage(Guid.CreateVersion7(time.GetUtcNow()), MessageSender.System, null, SatisfactionSurvey.Question()));
        if (asked.Message is null)
        {
            state.State.RatingRequestedAt = null;
            await state.WriteStateAsync();
        }
    }

    /// <summary>A message that will never arrive needs a human: whoever sent it, else whoever holds the conversation.</summary>
    private async Task NotifyIfFailedAsync(MessageView message)
    {
        if (message.Delivery != DeliveryState.Failed || (message.EmployeeId ?? state.State.AssigneeId) is not { } employee)
        {
            return;
        }

        try
        {
            var customer = state.State.CustomerName ?? state.State.CustomerWaId;
            await notifier.NotifyAsync(
                state.State.BusinessId, employee, "delivery_failed",
                $"A message to {customer} was not delivered: {message.DeliveryErrorTitle ?? message.DeliveryErrorCode}", message.ConversationId);
        }
        catch (Exception exception)
        {
            // The failure itself is stored and shown on the message; the notification is a courtesy.
            LogNotifyFailed(exception, state.State.BusinessId, message.ConversationId);
        }
    }

    /// <summary>Lets auto-assignment give a waiting conversation to the agent who has room now (one-way: no cycle).</summary>
    private void FreeCapacity() =>
        _ = GrainFactory.GetGrain<IBusinessGrain>(state.State.BusinessId).CapacityFreedAsync();

    /// <summary>Writes a handling change to the inbox row (and history), then the grain state, then tells agents.</summary>
    private async Task<ConversationSnapshot> CommitHandlingAsync(Handover? handover)
    {
        var s = state.State;
        await store.SaveHandlingAsync(new ConversationHandling(
            this.GetPrimaryKey(), s.BusinessId, s.Mode, s.Status, s.AssigneeId, s.Labels.ToList(), s.SnoozedUntil, handover));
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        await PublishAsync(new ConversationChanged(s.BusinessId, snapshot));
        return snapshot;
    }

    private ConversationSnapshot Snapshot()
    {
        var s = state.State;
        return new ConversationSnapshot(
            this.GetPrimaryKey(), s.BusinessId, s.CustomerWaId, s.CustomerName, s.Mode, lastSequence, s.CreatedAt,
            s.ChannelKey, lastCustomerMessageAt + ServiceWindow, s.Status, s.AssigneeId, s.Labels.ToList(), s.SnoozedUntil, s.Assistant.State,
            turnInFlight is not null);
    }

    private bool IsWindowOpen(DateTimeOffset now) =>
        lastCustomerMessageAt is { } last && now < last + ServiceWindow;

    /// <summary>Takes the conversation's identity from its first message, the customer's newest profile name and number.</summary>
    private bool Adopt(InboundMessage message, DateTimeOffset now)
    {
        var s = state.State;
        var changed = !state.RecordExists;
        if (s.CustomerWaId.Length == 0)
        {
            s.BusinessId = message.BusinessId;
            s.CustomerWaId = message.CustomerWaId;
            s.CreatedAt = now;
        }
        else if (s.CustomerWaId == ErasedCustomer)
        {
            // An erased customer who writes again is taken on as new.
            s.CustomerWaId = message.CustomerWaId;
            changed = true;
        }

        if (!string.IsNullOrWhiteSpace(message.CustomerName) && message.CustomerName != s.CustomerName)
        {
            s.CustomerName = message.CustomerName;
            changed = true;
        }

        if (message.ChannelKey != s.ChannelKey)
        {
            s.ChannelKey = message.ChannelKey;
            changed = true;
        }

        return changed;
    }

    private async Task EnsureStateWrittenAsync(bool changed)
    {
        if (changed || !state.RecordExists)
        {
            await state.WriteStateAsync();
        }
    }

    private StoredConversation ToRow()
    {
        var s = state.State;
        return new StoredConversation(
            this.GetPrimaryKey(), s.BusinessId, s.CustomerWaId, s.CustomerName, s.Mode, s.CreatedAt, lastCustomerMessageAt);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not notify about a failed delivery in {BusinessId} {ConversationId}")]
    private partial void LogNotifyFailed(Exception exception, Guid businessId, Guid conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a live event for {BusinessId} {ConversationId}")]
    private partial void LogPublishFailed(Exception exception, Guid businessId, Guid conversationId);
}
