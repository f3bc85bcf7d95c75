namespace Conversations.Grains.Interfaces.Models;

/// <summary>A message a customer sent to a business, as the channel delivered it.</summary>
/// <param name="ProviderMessageId">The channel's id for the message (Meta's <c>wamid</c>): the natural key.</param>
/// <param name="CustomerName">The profile name the channel reported, if any.</param>
/// <param name="Kind">The WhatsApp message type (<c>text</c>, <c>image</c>...).</param>
/// <param name="Body">The text, or a media caption; <c>null</c> when the message has none.</param>
/// <param name="SentAt">When the customer sent it, by the provider's clock.</param>
[GenerateSerializer, Immutable, Alias("conv.InboundMessage")]
public sealed record InboundMessage(
    [property: Id(0)] Guid BusinessId,
    [property: Id(1)] string CustomerWaId,
    [property: Id(2)] string? CustomerName,
    [property: Id(3)] string ProviderMessageId,
    [property: Id(4)] string Kind,
    [property: Id(5)] string? Body,
    [property: Id(6)] DateTimeOffset SentAt);
