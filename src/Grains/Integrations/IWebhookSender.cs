namespace Conversations.Grains.Integrations;

/// <summary>Signs and POSTs one delivery to its endpoint.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}
