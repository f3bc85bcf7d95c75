namespace Conversations.Grains.Interfaces.Models;

/// <summary>An audio message whose bytes are in the media store, to transcribe.</summary>
/// <param name="OnRequest">An agent asked for it: transcribe even when the business does not transcribe automatically.</param>
[GenerateSerializer, Immutable, Alias("conv.VoiceNote")]
public sealed record VoiceNote(
    [property: Id(0)] Guid BusinessId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid MessageId,
    [property: Id(3)] Guid StoredMediaId,
    [property: Id(4)] bool OnRequest = false);
