namespace Conversations.WebFrontend.WhatsApp;

/// <summary>What one Meta webhook POST carried, grouped by the business number it was sent to.</summary>
public sealed record MetaWebhookDelivery(IReadOnlyList<MetaNumberUpdate> Updates)
{
    public IEnumerable<string> PhoneNumberIds => Updates.Select(u => u.PhoneNumberId).Distinct(StringComparer.Ordinal);
}
