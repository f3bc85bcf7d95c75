using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>One entry of <c>value.messages</c>, with the sender's profile name from <c>value.contacts</c>.</summary>
/// <param name="ContextId">The message the customer replied to (<c>context.id</c>), if any.</param>
public sealed record MetaInboundMessage(
    string Id,
    string From,
    string? ProfileName,
    MessageContent Content,
    DateTimeOffset Timestamp,
    string? ContextId);
