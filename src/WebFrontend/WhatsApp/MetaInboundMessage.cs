namespace Conversations.WebFrontend.WhatsApp;

/// <summary>One entry of <c>value.messages</c>, with the sender's profile name from <c>value.contacts</c>.</summary>
public sealed record MetaInboundMessage(
    string Id,
    string From,
    string? ProfileName,
    string Type,
    string? Body,
    DateTimeOffset Timestamp);
