using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Voice;

/// <summary>Speech to text for a business's stored audio, through its transcription endpoint.</summary>
public interface IVoiceTranscriber
{
    /// <summary>
    /// Transcribes the stored audio. <see cref="VoiceTranscription.Off"/> when the business does not transcribe
    /// (unless <paramref name="onRequest"/>) or has no endpoint; <see cref="VoiceTranscription.Failed"/> when the
    /// endpoint could not.
    /// </summary>
    Task<VoiceTranscription> TranscribeAsync(Guid businessId, Guid storedMediaId, bool onRequest, CancellationToken cancellationToken);
}
