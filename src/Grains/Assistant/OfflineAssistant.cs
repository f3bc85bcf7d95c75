using Conversations.Grains.Assistant.Offline;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Assistant;

/// <summary>
/// The built-in assistant, for businesses without a language model: deterministic, it runs the booking flow
/// (greeting → service selection → scheduling → confirmation → payment → booked) through the same tools as
/// the model does, answers questions from the knowledge base, and fetches a colleague when asked or lost.
/// </summary>
public sealed class OfflineAssistant(IKnowledgeBase knowledge, IOptions<AssistantOptions> options)
{
    public const string Engine = "offline";

    private readonly IntentReader intents = new();
    private readonly WhenParser dates = new(DateOrder.DayMonth);
    private readonly ServiceMatcher serviceNames = new();
    private readonly SlotChooser slotChoices = new(DateOrder.DayMonth);

    public async Task<AssistantReply> ReplyAsync(
        AssistantTurn turn, AssistantProfile profile, IReadOnlyList<TranscriptLine> transcript, AssistantTools tools, CancellationToken cancellationToken)
    {
        var dialogue = new OfflineDialogue(turn, profile, tools, knowledge, intents, dates, serviceNames, slotChoices, options.Value, cancellationToken);
        var unanswered = transcript
            .Where(l => l.Sender == MessageSender.Customer && l.Sequence > turn.Memory.HandledSequence && l.Sequence <= turn.UpToSequence)
            .ToList();
        foreach (var line in unanswered)
        {
            await dialogue.HandleAsync(line);
            if (dialogue.Progress.Handoff is not null)
            {
                break;
            }
        }

        var memory = dialogue.Progress.Memory with { HandledSequence = Math.Max(turn.UpToSequence, turn.Memory.HandledSequence) };
        return new AssistantReply(
            turn.TurnId, dialogue.Replies, memory, Engine, null, dialogue.Progress.Handoff, TurnUsage.None with { ToolCalls = tools.Calls },
            dialogue.Progress.Moves);
    }
}
