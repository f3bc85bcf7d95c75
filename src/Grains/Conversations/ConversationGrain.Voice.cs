using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>
/// Voice notes: once a customer's audio is in the media store it is transcribed elsewhere, and the transcript
/// comes back here. The assistant waits for it (up to <c>TranscriptWait</c>) so that it answers what the
/// customer said, not "[audio]".
/// </summary>
public sealed partial class ConversationGrain
{
    // Audio messages whose transcript the assistant waits for, with the timer that stops it waiting.
    private readonly Dictionary<Guid, IGrainTimer> awaitingTranscripts = [];

    public async Task RecordTranscriptAsync(Guid messageId, VoiceTranscription transcription)
    {
        var updated = await store.CompleteTranscriptAsync(state.State.BusinessId, this.GetPrimaryKey(), messageId, transcription, time.GetUtcNow());
        if (updated is not null)
        {
            await PublishAsync(new MessageUpdated(state.State.BusinessId, updated));
        }

        await StopAwaitingTranscriptAsync(messageId);
    }

    private void AwaitTranscript(Guid messageId)
    {
        if (!assistantOptions.Value.Enabled || awaitingTranscripts.ContainsKey(messageId))
        {
            return;
        }

        awaitingTranscripts[messageId] = this.RegisterGrainTimer(
            (id, _) => StopAwaitingTranscriptAsync(id),
            messageId,
            new GrainTimerCreationOptions(assistantOptions.Value.TranscriptWait, Timeout.InfiniteTimeSpan));
    }

    /// <summary>The transcript is in, or will not come (in time): the assistant answers what it has.</summary>
    private async Task StopAwaitingTranscriptAsync(Guid messageId)
    {
        if (!awaitingTranscripts.Remove(messageId, out var timer))
        {
            return;
        }

        timer.Dispose();
        await StartAssistantTurnAsync();
    }
}
