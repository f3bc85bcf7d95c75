using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The conversation's side of the assistant: it starts a turn when the customer writes while the assistant has
/// the conversation, never waits for it, and decides what becomes of the reply when it comes back — sent while
/// the assistant still has the conversation, a draft for the agent once someone took it over.
/// </summary>
public sealed partial class ConversationGrain
{
    // The turn the assistant is working on; memory only: a reply to a turn begun by an earlier activation is
    // still accepted when it brings the conversation forward (see CompleteTurnAsync).
    private AssistantTurnInFlight? turnInFlight;

    // The customer wrote while a turn was in flight: answer once more when it comes back.
    private bool customerWroteDuringTurn;

    public async Task CompleteTurnAsync(AssistantReply reply)
    {
        var s = state.State;
        var current = turnInFlight is { } inFlight && inFlight.Id == reply.TurnId;
        var lateButNew = turnInFlight is null && reply.Memory.HandledSequence > s.Assistant.HandledSequence;
        var now = time.GetUtcNow();
        if (!current && !lateButNew)
        {
            return;
        }

        var startedAt = turnInFlight?.StartedAt ?? now;
        turnInFlight?.Watchdog.Dispose();
        turnInFlight = null;
        await PublishAsync(new AssistantDrafting(s.BusinessId, this.GetPrimaryKey(), false));

        var before = s.Assistant.State;
        if (s.Mode != ConversationMode.Ai || !state.RecordExists || s.CustomerWaId == ErasedCustomer)
        {
            await OfferAsDraftAsync(reply, before, startedAt, now);
            return;
        }

        var sent = new List<Guid>();
        foreach (var content in reply.Messages)
        {
            var outcome = await SendAsync(new OutboundMessage(Guid.CreateVersion7(time.GetUtcNow()), MessageSender.Assistant, null, content));
            if (outcome.Message is { } message)
            {
                sent.Add(message.Id);
            }
        }

        s.Assistant = reply.Memory.HandledSequence >= s.Assistant.HandledSequence ? reply.Memory : reply.Memory with { HandledSequence = s.Assistant.HandledSequence };
        if (sent.Count > 0)
        {
            metrics.AssistantReplied(now - startedAt, reply.Engine);
        }

        if (reply.Handoff is { } handoff)
        {
            metrics.HandedOff(handoff.Reason);
            s.Assistant = s.Assistant with { State = FlowState.Handoff };
            customerWroteDuringTurn = false;
            await QueueForHumansAsync(null);
            await GrainFactory.GetGrain<IBusinessGrain>(s.BusinessId).ConversationWaitingAsync(this.GetPrimaryKey());
            await RecordHandoffAsync(handoff, now);
            await StartSlaAsync();
            await RunRulesAsync(AutomationTriggers.HandedOff, null);
            await TellIfAwayAsync();
        }
        else
        {
            await state.WriteStateAsync();
        }

        await RecordTurnAsync(reply, reply.Handoff is null ? "sent" : "handoff", before, s.Assistant.State, sent, startedAt, now);
        if (customerWroteDuringTurn)
        {
            customerWroteDuringTurn = false;
            await StartAssistantTurnAsync();
        }
    }

    /// <summary>Asks the assistant to answer the customer, unless it already is (then it answers again afterwards).</summary>
    private async Task StartAssistantTurnAsync()
    {
        var s = state.State;
        if (!assistantOptions.Value.Enabled || s.Mode != ConversationMode.Ai || s.CustomerWaId == ErasedCustomer
            || lastSequence <= s.Assistant.HandledSequence)
        {
            return;
        }

        if (turnInFlight is not null)
        {
            customerWroteDuringTurn = true;
            return;
        }

        if (awaitingTranscripts.Count > 0)
        {
            // Started when the last voice note's transcript is in.
            return;
        }

        var now = time.GetUtcNow();
        var turn = new AssistantTurn(
            Guid.CreateVersion7(now), s.BusinessId, this.GetPrimaryKey(), s.CustomerWaId, s.CustomerName, s.ChannelKey, lastSequence, s.Assistant, now);
        var watchdog = this.RegisterGrainTimer(
            GiveUpOnTurnAsync, turn, new GrainTimerCreationOptions(assistantOptions.Value.TurnTimeout, Timeout.InfiniteTimeSpan));
        turnInFlight = new AssistantTurnInFlight(turn.TurnId, now, watchdog);
        await PublishAsync(new AssistantDrafting(s.BusinessId, turn.ConversationId, true));
        await GrainFactory.GetGrain<IAssistantGrain>(turn.ConversationId).RespondAsync(turn);
    }

    /// <summary>
    /// The assistant no longer has the conversation (mode human). A turn in flight may finish, but does nothing
    /// more for the customer and its reply becomes a draft. Coming from the assistant, the agent gets a summary.
    /// </summary>
    private async Task AssistantStoppedAsync(string? summaryReason)
    {
        customerWroteDuringTurn = false;
        var assistant = GrainFactory.GetGrain<IAssistantGrain>(this.GetPrimaryKey());
        if (turnInFlight is { } inFlight)
        {
            await assistant.StopAsync(inFlight.Id);
        }

        if (summaryReason is not null && assistantOptions.Value.Enabled && lastSequence > 0)
        {
            var s = state.State;
            await assistant.SummarizeAsync(new HandoffRequest(s.BusinessId, this.GetPrimaryKey(), summaryReason, s.Assistant, s.CustomerName));
        }
    }

    /// <summary>
    /// Back with the assistant: it answers from the customer's next message on, with the agent's messages in
    /// its context, and does not answer again what the agent already did.
    /// </summary>
    private void ResumeAssistant()
    {
        var memory = state.State.Assistant;
        state.State.Assistant = memory with
        {
            State = memory.State == FlowState.Handoff ? FlowState.Greeting : memory.State,
            HandledSequence = lastSequence,
            Misunderstandings = 0,
        };
    }

    private async Task OfferAsDraftAsync(AssistantReply reply, FlowState before, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var s = state.State;
        var text = string.Join("\n\n", reply.Messages.Select(DraftText).Where(t => t.Length > 0));

        // What the turn did stays true (a booking it made exists), but the flow waits with the human.
        s.Assistant = reply.Memory with { State = s.Mode == ConversationMode.Human ? FlowState.Handoff : reply.Memory.State };
        await state.WriteStateAsync();
        await RecordTurnAsync(reply, "drafted", before, s.Assistant.State, [], startedAt, now, text);
        if (text.Length > 0)
        {
            await PublishAsync(new DraftOffered(s.BusinessId, this.GetPrimaryKey(), reply.TurnId, s.AssigneeId, text));
        }
    }

    private static string DraftText(MessageContent content) =>
        content.Choices is { } choices
            ? string.Join('\n', new[] { content.Text ?? "" }.Concat(choices.Options.Select((o, i) => $"{i + 1}. {o.Title}")))
            : content.Text ?? "";

    /// <summary>The assistant never answered (its silo died, say): the customer is told someone will reply, and humans take over.</summary>
    private async Task GiveUpOnTurnAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        if (turnInFlight?.Id != turn.TurnId)
        {
            return;
        }

        LogTurnTimedOut(turn.BusinessId, turn.ConversationId);
        var zone = TimeZoneInfo.Utc;
        var handoff = HandoffNotes.From("model_failed", turn.Memory, turn.CustomerName, null, zone);
        await CompleteTurnAsync(new AssistantReply(
            turn.TurnId, [MessageContent.PlainText(HandoffNotes.HoldingMessage)], turn.Memory with { HandledSequence = turn.UpToSequence },
            "none", null, handoff, TurnUsage.None, [new FlowMove(turn.Memory.State, FlowState.Handoff, "turn timed out")],
            "The assistant did not answer in time."));
    }

    private async Task RecordHandoffAsync(AssistantHandoff handoff, DateTimeOffset at)
    {
        var s = state.State;
        try
        {
            var summary = await ledger.RecordHandoffAsync(s.BusinessId, this.GetPrimaryKey(), handoff, s.Assistant.State, at, CancellationToken.None);
            await PublishAsync(new HandoffSummarized(s.BusinessId, this.GetPrimaryKey(), summary));
        }
        catch (Exception exception)
        {
            LogLedgerFailed(exception, s.BusinessId, this.GetPrimaryKey());
        }
    }

    private async Task RecordTurnAsync(
        AssistantReply reply, string outcome, FlowState before, FlowState after, IReadOnlyList<Guid> sent,
        DateTimeOffset startedAt, DateTimeOffset finishedAt, string? draft = null)
    {
        var s = state.State;
        try
        {
            var moves = reply.Moves.ToList();
            if ((moves.LastOrDefault()?.To ?? before) != after)
            {
                moves.Add(new FlowMove(moves.LastOrDefault()?.To ?? before, after, outcome == "drafted" ? "taken over" : "handed off"));
            }

            await ledger.RecordTurnAsync(
                new AssistantTurnRecord(
                    reply.TurnId, s.BusinessId, this.GetPrimaryKey(), reply.Engine, reply.Model, startedAt, finishedAt, outcome, before, after,
                    draft, sent, reply.Usage, reply.Error),
                moves.Select(m => new FlowTransition(s.BusinessId, this.GetPrimaryKey(), m.From, m.To, m.Reason, reply.TurnId, finishedAt)).ToList(),
                CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The customer has their answer; the history row is for agents and analytics.
            LogLedgerFailed(exception, s.BusinessId, this.GetPrimaryKey());
        }
    }

    private sealed record AssistantTurnInFlight(Guid Id, DateTimeOffset StartedAt, IGrainTimer Watchdog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The assistant's turn in {BusinessId} {ConversationId} did not come back in time; handing off")]
    private partial void LogTurnTimedOut(Guid businessId, Guid conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the assistant's turn in {BusinessId} {ConversationId}")]
    private partial void LogLedgerFailed(Exception exception, Guid businessId, Guid conversationId);
}
