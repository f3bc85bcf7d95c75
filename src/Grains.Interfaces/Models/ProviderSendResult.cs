namespace Conversations.Grains.Interfaces.Models;

/// <summary>A provider's answer to one send.</summary>
/// <param name="ProviderMessageId">Set when the provider accepted the message.</param>
/// <param name="IsPermanent">For a failure: retrying cannot help (invalid number, re-engagement required...).</param>
[GenerateSerializer, Immutable, Alias("conv.ProviderSendResult")]
public sealed record ProviderSendResult(
    [property: Id(0)] string? ProviderMessageId,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? ErrorTitle = null,
    [property: Id(3)] bool IsPermanent = false,
    [property: Id(4)] TimeSpan? RetryAfter = null)
{
    public bool Accepted => ProviderMessageId is not null;

    public static ProviderSendResult Sent(string providerMessageId) => new(providerMessageId);

    public static ProviderSendResult Transient(string? code, string title, TimeSpan? retryAfter = null) =>
        new(null, code, title, false, retryAfter);

    public static ProviderSendResult Permanent(string? code, string title) => new(null, code, title, true);
}
