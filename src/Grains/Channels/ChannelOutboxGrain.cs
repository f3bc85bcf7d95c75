using Conversations.Grains.Observability;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Channels;

/// <inheritdoc cref="IChannelOutboxGrain"/>
/// <remarks>
/// Durability comes from the outbox table: a message leaves it only when the provider accepted or refused
/// it for good. A reminder keeps the grain coming back while anything is queued, so a crash or restart
/// delays sending but never drops or repeats an accepted message.
/// </remarks>
public sealed partial class ChannelOutboxGrain(
    IOutboxStore outbox,
    IWhatsAppSender sender,
    IMediaDownloader media,
    IOptions<ChannelOutboxOptions> options,
    ConversationsMetrics metrics,
    TimeProvider time,
    ILogger<ChannelOutboxGrain> logger) : Grain, IChannelOutboxGrain, IRemindable
{
    private const string ReminderName = "outbox";

    private readonly ChannelOutboxOptions settings = options.Value;
    private SendPacer? pacer;
    private IGrainTimer? retryTimer;
    private bool reminderRegistered;
    private Task? draining;
    private bool wokenWhileDraining;

    private string ChannelKey => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        pacer = new SendPacer(settings.MessagesPerSecond, time);
        reminderRegistered = await this.GetReminder(ReminderName) is not null;
    }

    public Task WakeAsync() => EnsureDrainingAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureDrainingAsync();

    /// <summary>
    /// Starts a drain, or notes that another is needed when one is running. Everything here runs on the
    /// activation's single-threaded scheduler, so the flag needs no lock.
    /// </summary>
    private Task EnsureDrainingAsync()
    {
        if (draining is { IsCompleted: false })
        {
            wokenWhileDraining = true;
            return Task.CompletedTask;
        }

        draining = DrainAsync();
        return draining;
    }

    private async Task DrainAsync()
    {
        // A wake-up can arrive at any await below, the scheduling ones included (a retry timer may fire while
        // the reminder is being written): it is never dropped, it makes this loop go round once more.
        do
        {
            wokenWhileDraining = false;
            try
            {
                await DrainDueAsync();
            }
            finally
            {
                // Whatever happened, come back for what is still queued (a failed claim or record included).
                await ScheduleNextAsync();
            }
        }
        while (wokenWhileDraining);
    }

    private async Task DrainDueAsync()
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await outbox.ClaimDueAsync(ChannelKey, settings.ClaimBatchSize, now, now + settings.Lease);
            if (due.Count == 0)
            {
                return;
            }

            // One customer's messages leave in order; different customers' in parallel, all within the pace.
            await Task.WhenAll(due.GroupBy(item => item.ConversationId).Select(async conversation =>
            {
                foreach (var item in conversation)
                {
                    await SendAsync(item);
                }
            }));
        }
    }

    private Task SendAsync(OutboxItem item) =>
        item.Direction == MessageDirection.Inbound ? FetchMediaAsync(item) : SendMessageAsync(item);

    private async Task FetchMediaAsync(OutboxItem item)
    {
        MediaDownloadResult result;
        try
        {
            result = item.Content.Media is { } attachment
                ? await media.DownloadAsync(ChannelKey, item.BusinessId, attachment, CancellationToken.None)
                : MediaDownloadResult.Permanent("The message has no media.");
        }
        catch (Exception exception)
        {
            LogSendCrashed(exception, item.BusinessId, item.ConversationId);
            result = MediaDownloadResult.Transient(exception.GetType().Name);
        }

        var attempts = item.Attempts + 1;
        if (result.StoredMediaId is not null || result.IsPermanent || attempts >= settings.MaxAttempts)
        {
            await GrainFactory.GetGrain<IConversationGrain>(item.ConversationId).RecordMediaAsync(item.MessageId, result.StoredMediaId);
            return;
        }

        var delay = RetryDelay.After(attempts, settings.FirstRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        LogRetrying(item.BusinessId, item.ConversationId, attempts, delay, null, result.Error);
        metrics.Retried(this.GetPrimaryKeyString(), "media");
        await outbox.RescheduleAsync(item.MessageId, attempts, time.GetUtcNow() + delay, result.Error ?? "");
    }

    private async Task SendMessageAsync(OutboxItem item)
    {
        await pacer!.WaitTurnAsync();

        ProviderSendResult result;
        try
        {
            result = await sender.SendAsync(ChannelKey, item.MessageId, item.CustomerWaId, item.Content, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogSendCrashed(exception, item.BusinessId, item.ConversationId);
            result = ProviderSendResult.Transient(null, exception.GetType().Name);
        }

        var attempts = item.Attempts + 1;
        if (!result.Accepted && !result.IsPermanent && attempts >= settings.MaxAttempts)
        {
            result = ProviderSendResult.Permanent(result.ErrorCode, $"Gave up after {attempts} attempts: {result.ErrorTitle}");
        }

        if (result.Accepted || result.IsPermanent)
        {
            await GrainFactory.GetGrain<IConversationGrain>(item.ConversationId).RecordSendResultAsync(item.MessageId, result);
            return;
        }

        var delay = RetryDelay.After(attempts, settings.FirstRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        if (result.RetryAfter is { } retryAfter && retryAfter > delay)
        {
            delay = retryAfter;
        }

        LogRetrying(item.BusinessId, item.ConversationId, attempts, delay, result.ErrorCode, result.ErrorTitle);
        metrics.Retried(this.GetPrimaryKeyString(), "send");
        await outbox.RescheduleAsync(item.MessageId, attempts, time.GetUtcNow() + delay, $"{result.ErrorCode} {result.ErrorTitle}".Trim());
    }

    /// <summary>Comes back when the next retry is due (timer) and, while anything is queued, at least every minute (reminder).</summary>
    private async Task ScheduleNextAsync()
    {
        retryTimer?.Dispose();
        retryTimer = null;

        var next = await outbox.NextDueAtAsync(ChannelKey);
        if (next is null)
        {
            if (reminderRegistered && await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderRegistered = false;
            return;
        }

        var wait = next.Value - time.GetUtcNow();
        retryTimer = this.RegisterGrainTimer(
            EnsureDrainingAsync, new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        if (!reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            reminderRegistered = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Send for {BusinessId} {ConversationId} failed (attempt {Attempts}), retrying in {Delay}: {ErrorCode} {ErrorTitle}")]
    private partial void LogRetrying(Guid businessId, Guid conversationId, int attempts, TimeSpan delay, string? errorCode, string? errorTitle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending for {BusinessId} {ConversationId} threw")]
    private partial void LogSendCrashed(Exception exception, Guid businessId, Guid conversationId);
}
