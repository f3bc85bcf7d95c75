namespace Conversations.WebFrontend.Settings;

/// <summary>
/// <c>POST /api/settings/whatsapp</c>: a Meta number (<c>phoneNumberId</c>, <c>businessAccountId</c>,
/// <c>accessToken</c>, <c>appSecret</c>, <c>verifyToken</c>) or a Twilio number (<c>accountSid</c>, <c>authToken</c>,
/// <c>senderNumber</c>, <c>messagingServiceSid</c>). Secrets left out of an update keep their stored values.
/// </summary>
public sealed record WhatsAppChannelRequest(
    string? Provider,
    string? PhoneNumberId,
    string? BusinessAccountId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? DisplayPhoneNumber,
    string? AccountSid,
    string? AuthToken,
    string? SenderNumber,
    string? MessagingServiceSid);
