using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Conversations.Grains.Voice;

/// <inheritdoc cref="IVoiceTranscriptionGrain"/>
[StatelessWorker]
public sealed partial class VoiceTranscriptionGrain(IVoiceTranscriber transcriber, ILogger<VoiceTranscriptionGrain> logger)
    : Grain, IVoiceTranscriptionGrain
{
    public async Task TranscribeAsync(VoiceNote note)
    {
        VoiceTranscription result;
        try
        {
            result = await transcriber.TranscribeAsync(note.BusinessId, note.StoredMediaId, note.OnRequest, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The voice note stays playable; agents see that it could not be transcribed.
            LogFailed(exception, note.BusinessId, note.MessageId);
            result = new VoiceTranscription(VoiceTranscription.Failed, null, null, null, null, 0, exception.Message);
        }

        await GrainFactory.GetGrain<IConversationGrain>(note.ConversationId).RecordTranscriptAsync(note.MessageId, result);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcribing voice note {MessageId} of {BusinessId} failed")]
    private partial void LogFailed(Exception exception, Guid businessId, Guid messageId);
}
