using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>One entry of <c>value.statuses</c>: how far one of our messages got.</summary>
public sealed record MetaDeliveryStatus(
    string MessageId,
    string RecipientId,
    DeliveryState State,
    DateTimeOffset Timestamp,
    string? ErrorCode,
    string? ErrorTitle);
