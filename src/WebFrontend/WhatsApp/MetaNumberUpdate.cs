namespace Conversations.WebFrontend.WhatsApp;

/// <summary>One <c>changes[].value</c> of a delivery: messages customers sent to one business number.</summary>
public sealed record MetaNumberUpdate(string PhoneNumberId, IReadOnlyList<MetaInboundMessage> Messages);
