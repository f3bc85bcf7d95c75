using Conversations.Infrastructure.Channels;

namespace Conversations.WebFrontend.Settings;

/// <summary>A configured number as the settings page shows it: which secrets are set, never their values.</summary>
public sealed record WhatsAppChannelView(
    Guid Id,
    string Provider,
    string Address,
    string DisplayPhoneNumber,
    string? BusinessAccountId,
    string? AccountSid,
    string? MessagingServiceSid,
    bool HasAccessToken,
    bool HasAppSecret,
    bool HasVerifyToken,
    bool HasAuthToken,
    bool SendsThroughProvider,
    DateTimeOffset UpdatedAt)
{
    public static WhatsAppChannelView From(WhatsAppChannel channel) => new(
        channel.Id,
        channel.Provider,
        channel.Address,
        channel.DisplayPhoneNumber,
        channel.BusinessAccountId,
        channel.TwilioAccountSid,
        channel.MessagingServiceSid,
        !string.IsNullOrEmpty(channel.Secrets.AccessToken),
        !string.IsNullOrEmpty(channel.Secrets.AppSecret),
        !string.IsNullOrEmpty(channel.VerifyToken),
        !string.IsNullOrEmpty(channel.Secrets.AuthToken),
        channel.Provider == "meta" ? !string.IsNullOrEmpty(channel.Secrets.AccessToken) : !string.IsNullOrEmpty(channel.Secrets.AuthToken),
        channel.UpdatedAt);
}
