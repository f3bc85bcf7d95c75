namespace Conversations.Infrastructure.Channels;

/// <summary>A business's WhatsApp number on Meta's Cloud API, with what is needed to trust its webhooks.</summary>
public sealed record WhatsAppChannel(Guid Id, Guid BusinessId, string PhoneNumberId, string AppSecret, string VerifyToken);
