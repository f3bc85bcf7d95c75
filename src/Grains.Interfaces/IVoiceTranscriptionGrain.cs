using Conversations.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// Transcribes voice notes, on any silo, many at once (a stateless worker: use key 0), and hands each result to
/// the message's <see cref="IConversationGrain.RecordTranscriptAsync"/>.
/// </summary>
public interface IVoiceTranscriptionGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task TranscribeAsync(VoiceNote note);
}
