namespace Conversations.Infrastructure.Channels;

/// <summary>What an owner configures for a number. Null secrets keep the ones already stored.</summary>
public sealed record ChannelRegistration(
    string Provider,
    string Address,
    string DisplayPhoneNumber,
    string? BusinessAccountId,
    string? VerifyToken,
    string? TwilioAccountSid,
    string? MessagingServiceSid,
    ChannelSecrets Secrets);
