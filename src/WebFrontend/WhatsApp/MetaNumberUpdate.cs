namespace Conversations.WebFrontend.WhatsApp;

/// <summary>One <c>changes[].value</c> of a delivery: what happened on one business number.</summary>
public sealed record MetaNumberUpdate(
    string PhoneNumberId, IReadOnlyList<MetaInboundMessage> Messages, IReadOnlyList<MetaDeliveryStatus> Statuses);
