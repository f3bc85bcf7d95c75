namespace Conversations.WebFrontend.WhatsApp;

/// <summary>What a webhook answer reports: messages received, newly stored, already known; statuses applied.</summary>
public sealed record DeliveryReceipt(int Received, int Stored, int Duplicates, int Statuses);
