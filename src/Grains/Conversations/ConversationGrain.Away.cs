using Conversations.Grains.Businesses;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The away message: a customer who is waiting for a person while the business is closed is told so once per
/// closed period (when it has an away message), not once per message.
/// </summary>
public sealed partial class ConversationGrain
{
    // Opening hours change rarely; reading them again after this long picks up an edited schedule.
    private static readonly TimeSpan OpeningRecheck = TimeSpan.FromMinutes(5);

    private (OpeningStatus Status, DateTimeOffset ReadAt)? opening;

    /// <summary>Sends the business's away message when it is closed now and the customer has not been told since it closed.</summary>
    private async Task TellIfAwayAsync()
    {
        var s = state.State;
        var now = time.GetUtcNow();
        if (s.CustomerWaId == ErasedCustomer || s.AwayToldUntil is { } told && now < told)
        {
            return;
        }

        OpeningStatus status;
        try
        {
            status = await OpeningStatusAsync(now);
        }
        catch (Exception exception)
        {
            // The message is stored and the team sees it; the courtesy note can wait for the next one.
            LogOpeningHoursUnreadable(exception, s.BusinessId);
            return;
        }

        if (status.Open || status.AwayMessage is not { } message)
        {
            return;
        }

        // Written first: a failure after it loses one away message rather than sending it twice.
        s.AwayToldUntil = status.Until;
        await state.WriteStateAsync();
        await SendAsync(new OutboundMessage(Guid.CreateVersion7(now), MessageSender.System, null, MessageContent.PlainText(message)));
    }

    private async Task<OpeningStatus> OpeningStatusAsync(DateTimeOffset now)
    {
        if (opening is { } known && now - known.ReadAt < OpeningRecheck && (known.Status.Until is null || now < known.Status.Until))
        {
            return known.Status;
        }

        var status = await businessHours.GetStatusAsync(state.State.BusinessId, now, CancellationToken.None);
        opening = (status, now);
        return status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the opening hours of {BusinessId}; no away message this time")]
    private partial void LogOpeningHoursUnreadable(Exception exception, Guid businessId);
}
