namespace Conversations.Grains.Interfaces.Models;

/// <summary>An image, audio or voice note, video, document or sticker.</summary>
/// <param name="ProviderMediaId">The provider's handle: Meta's media id, or Twilio's media URL.</param>
/// <param name="StoredMediaId">Our copy in the media store, once fetched.</param>
/// <param name="IsVoice">An audio recorded as a voice note.</param>
/// <param name="Transcript">What a voice note or audio says, once transcribed.</param>
/// <param name="TranscriptionState"><c>pending</c>, <c>done</c>, <c>off</c> (the business does not transcribe) or <c>failed</c>; null for media that are not audio.</param>
[GenerateSerializer, Immutable, Alias("conv.MediaAttachment")]
public sealed record MediaAttachment(
    [property: Id(0)] string? ProviderMediaId,
    [property: Id(1)] string? MimeType,
    [property: Id(2)] string? FileName = null,
    [property: Id(3)] string? Sha256 = null,
    [property: Id(4)] bool IsVoice = false,
    [property: Id(5)] Guid? StoredMediaId = null,
    [property: Id(6)] string? Link = null,
    [property: Id(7)] string? Transcript = null,
    [property: Id(8)] string? TranscriptionState = null);
