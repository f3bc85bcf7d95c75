namespace Conversations.Grains.Interfaces.Models;

/// <summary>The outcome of transcribing a voice note.</summary>
/// <param name="State"><c>done</c>, <c>off</c> (the business does not transcribe, or has no endpoint) or <c>failed</c>.</param>
/// <param name="CostMicros">In millionths of a US dollar.</param>
[GenerateSerializer, Immutable, Alias("conv.VoiceTranscription")]
public sealed record VoiceTranscription(
    [property: Id(0)] string State,
    [property: Id(1)] string? Text,
    [property: Id(2)] string? Language,
    [property: Id(3)] TimeSpan? Duration,
    [property: Id(4)] string? Model,
    [property: Id(5)] long CostMicros,
    [property: Id(6)] string? Error = null)
{
    public const string Done = "done";
    public const string Off = "off";
    public const string Failed = "failed";
    public const string Pending = "pending";
}
