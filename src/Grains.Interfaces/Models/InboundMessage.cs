namespace Conversations.Grains.Interfaces.Models;

/// <summary>A message a customer sent to a business, as the channel delivered it.</summary>
/// <param name="ChannelKey">The number it was sent to (<see cref="ChannelKeys"/>); replies leave from it.</param>
/// <param name="ProviderMessageId">The channel's id for the message (Meta's <c>wamid</c>, Twilio's SID): the natural key.</param>
/// <param name="CustomerName">The profile name the channel reported, if any.</param>
/// <param name="SentAt">When the customer sent it, by the provider's clock.</param>
/// <param name="ReplyToProviderMessageId">The message the customer quoted, if any.</param>
[GenerateSerializer, Immutable, Alias("conv.InboundMessage")]
public sealed record InboundMessage(
    [property: Id(0)] Guid BusinessId,
    [property: Id(1)] string CustomerWaId,
    [property: Id(2)] string? CustomerName,
    [property: Id(3)] string ProviderMessageId,
    [property: Id(4)] MessageContent Content,
    [property: Id(5)] DateTimeOffset SentAt,
    [property: Id(6)] string ChannelKey,
    [property: Id(7)] string? ReplyToProviderMessageId = null);
