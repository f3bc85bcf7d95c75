using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.Twilio;

/// <param name="BusinessNumber">The number it was sent to, E.164.</param>
/// <param name="CustomerWaId">The customer's WhatsApp id (digits).</param>
public sealed record TwilioInbound(
    string MessageSid, string BusinessNumber, string CustomerWaId, string? ProfileName, MessageContent Content, string? RepliedToSid);
