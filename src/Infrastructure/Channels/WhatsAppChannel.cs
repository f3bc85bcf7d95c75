using Conversations.Grains.Interfaces;

namespace Conversations.Infrastructure.Channels;

/// <summary>A business's WhatsApp number on Meta's Cloud API or on Twilio, with its credentials.</summary>
/// <param name="Address">Meta: the Cloud API phone number id. Twilio: the sender number in E.164.</param>
public sealed record WhatsAppChannel(
    Guid Id,
    Guid BusinessId,
    string Provider,
    string Address,
    string DisplayPhoneNumber,
    string? BusinessAccountId,
    string? VerifyToken,
    string? TwilioAccountSid,
    string? MessagingServiceSid,
    ChannelSecrets Secrets,
    DateTimeOffset UpdatedAt)
{
    public string ChannelKey => Provider == ChannelKeys.Twilio ? ChannelKeys.ForTwilio(Address) : ChannelKeys.ForMeta(Address);
}
