using Conversations.Grains.Channels;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Integrations;

/// <inheritdoc cref="IWebhookDispatcherGrain"/>
/// <remarks>
/// Durability comes from the tables, not from this activation: the events are read from the source tables after
/// cursors stored with the deliveries they produce, and a delivery leaves the due set only when its receiver answered
/// 2xx. A crash between an attempt and its record sends that delivery again, with the same Webhook-Id (at least once).
/// </remarks>
public sealed partial class WebhookDispatcherGrain(
    IWebhookStore store,
    IWebhookSender sender,
    IEmployeeNotifier notifier,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcherGrain> logger) : Grain, IWebhookDispatcherGrain, IRemindable
{
    private const string ReminderName = "webhooks";

    // Orleans reminders are minute-grained: the reminder only brings the dispatcher back after a restart; the timer
    // does the polling.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly WebhookOptions settings = options.Value;
    private IGrainTimer? timer;

    private Guid BusinessId => this.GetPrimaryKey();

    public Task StartAsync() => EnsureRunningAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureRunningAsync();

    private async Task EnsureRunningAsync()
    {
        if (timer is not null)
        {
            timer.Change(TimeSpan.Zero, settings.PollInterval);
            return;
        }

        if (!await store.HasEnabledEndpointsAsync(BusinessId, CancellationToken.None))
        {
            await StopAsync();
            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        timer ??= this.RegisterGrainTimer(
            PassAsync,
            new GrainTimerCreationOptions(TimeSpan.Zero, settings.PollInterval) { KeepAlive = true, Interleave = false });
    }

    private async Task StopAsync()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await store.ForgetCursorsIfIdleAsync(BusinessId, CancellationToken.None);
        DeactivateOnIdle();
    }

    /// <summary>One pass: collect new events, deliver what is due, disable endpoints failing too long.</summary>
    private async Task PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.HasEnabledEndpointsAsync(BusinessId, cancellationToken))
            {
                await StopAsync();
                return;
            }

            for (var round = 0; round < 10; round++)
            {
                if (await store.CollectAsync(BusinessId, settings.Settle, settings.BatchSize, cancellationToken) < settings.BatchSize)
                {
                    break;
                }
            }

            var now = time.GetUtcNow();
            var due = await store.ClaimDueAsync(BusinessId, now, now + settings.Lease, settings.BatchSize, cancellationToken);
            // In chunks on the activation's scheduler (not Parallel.ForEachAsync, which would leave the grain's context).
            foreach (var chunk in due.Chunk(settings.MaxParallelism))
            {
                await Task.WhenAll(chunk.Select(DeliverAsync));
            }

            foreach (var disabled in await store.DisableFailingAsync(BusinessId, time.GetUtcNow() - settings.FailureWindow, time.GetUtcNow(), cancellationToken))
            {
                LogDisabled(BusinessId, disabled.EndpointId);
                foreach (var owner in disabled.OwnerIds)
                {
                    await notifier.NotifyAsync(
                        BusinessId, owner, "webhook_disabled",
                        $"Webhook endpoint {disabled.Url} was disabled after failing for {settings.FailureWindow}.", null, CancellationToken.None);
                }
            }
        }
        catch (Exception exception)
        {
            // The next tick tries again; nothing is lost, the tables hold the work.
            LogPassFailed(exception, BusinessId);
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery)
    {
        WebhookSendResult result;
        try
        {
            result = await sender.SendAsync(delivery, CancellationToken.None);
        }
        catch (Exception exception)
        {
            result = new WebhookSendResult(null, TimeSpan.Zero, exception.GetType().Name);
        }

        var attempts = delivery.Attempts + 1;
        var now = time.GetUtcNow();
        DateTimeOffset? retryAt = result.Succeeded
            ? null
            : now + RetryDelay.After(attempts, settings.FirstRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        if (!result.Succeeded)
        {
            LogAttemptFailed(BusinessId, delivery.EndpointId, delivery.EventId, attempts, result.StatusCode, result.Error);
        }

        await store.RecordAttemptAsync(delivery, result, now, retryAt, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook pass of {BusinessId} failed")]
    private partial void LogPassFailed(Exception exception, Guid businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} to endpoint {EndpointId} of {BusinessId} failed (attempt {Attempts}, status {StatusCode}, {Error})")]
    private partial void LogAttemptFailed(Guid businessId, Guid endpointId, string eventId, int attempts, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} of {BusinessId} disabled after failing for the whole window")]
    private partial void LogDisabled(Guid businessId, Guid endpointId);
}
