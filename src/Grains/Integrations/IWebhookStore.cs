namespace Conversations.Grains.Integrations;

/// <summary>The dispatcher's tables: endpoints, deliveries and the cursors over the source tables.</summary>
public interface IWebhookStore
{
    Task<bool> HasEnabledEndpointsAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads each source after its cursor (rows at least <paramref name="settle"/> old), adds a delivery per new event
    /// and subscribed enabled endpoint (an event already there is left alone) and moves the cursors, in one
    /// transaction. Returns how many source rows were read: a full batch means there may be more.
    /// </summary>
    Task<int> CollectAsync(Guid businessId, TimeSpan settle, int batchSize, CancellationToken cancellationToken);

    /// <summary>Due deliveries of enabled endpoints, oldest first, each reserved until <paramref name="leaseUntil"/>.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(Guid businessId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Records an attempt: delivered, or due again at <paramref name="retryAt"/>; the endpoint's failing-since follows.</summary>
    Task RecordAttemptAsync(WebhookDelivery delivery, WebhookSendResult result, DateTimeOffset attemptedAt, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Disables the business's endpoints failing since before <paramref name="failingBefore"/>.</summary>
    Task<IReadOnlyList<DisabledWebhookEndpoint>> DisableFailingAsync(Guid businessId, DateTimeOffset failingBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets the cursors when no endpoint is enabled, so a later subscription starts from then, not from a backlog.</summary>
    Task ForgetCursorsIfIdleAsync(Guid businessId, CancellationToken cancellationToken);
}
