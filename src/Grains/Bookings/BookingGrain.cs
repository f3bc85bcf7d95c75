using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Bookings;

/// <inheritdoc cref="IBookingGrain"/>
/// <remarks>
/// Orleans reminders are durable but minute-grained (period ≥ 1 minute), so one reminder is registered due
/// at the next send time; on each tick the grain asks <see cref="ReminderSchedule"/> what is due by the
/// app's <see cref="TimeProvider"/>, sends it, and moves the reminder to the next time or unregisters it.
/// </remarks>
public sealed partial class BookingGrain(
    [PersistentState("bookingReminders", "conversations")] IPersistentState<BookingReminderState> state,
    TimeProvider time,
    ILogger<BookingGrain> logger) : Grain, IBookingGrain, IRemindable
{
    public const string ReminderName = "booking-reminders";

    public async Task ScheduleAsync(BookingReminderPlan plan)
    {
        var s = state.State;
        var moved = s.Start != plan.Start;
        var wasConfirmed = s.Status == BookingStatus.Confirmed;
        s.BusinessId = plan.BusinessId;
        s.CustomerWaId = plan.CustomerWaId;
        s.CustomerName = plan.CustomerName;
        s.ServiceName = plan.ServiceName;
        s.Start = plan.Start;
        s.Status = plan.Status;
        if (moved || !wasConfirmed)
        {
            s.Sent = [];
            s.ConfirmationSent = false;
            s.ConfirmedAt = plan.ChangedAt;
        }

        if (plan.Status == BookingStatus.Confirmed)
        {
            if (!s.ConfirmationSent)
            {
                await SendAsync("confirmation", BookingMessages.Confirmation(s), BookingMessages.ConfirmationTemplate);
                s.ConfirmationSent = true;
            }
        }

        await RescheduleAsync();
    }

    public Task<BookingReminderStatus> GetStatusAsync() =>
        Task.FromResult(new BookingReminderStatus(state.State.NextWake, state.State.Sent.ToList(), state.State.ConfirmationSent));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var s = state.State;
        if (s.Status == BookingStatus.Confirmed)
        {
            foreach (var lead in ReminderSchedule.DueNow(s.Start, s.ConfirmedAt, s.Sent, time.GetUtcNow()))
            {
                await SendAsync($"reminder-{lead.TotalMinutes}", BookingMessages.Reminder(s, lead), BookingMessages.ReminderTemplate);
                s.Sent.Add(lead);
                if (lead == ReminderSchedule.HourBefore && !s.Sent.Contains(ReminderSchedule.DayBefore))
                {
                    s.Sent.Add(ReminderSchedule.DayBefore);
                }
            }
        }

        await RescheduleAsync();
    }

    /// <summary>Registers the one reminder at the next send time, or removes it when nothing is left.</summary>
    private async Task RescheduleAsync()
    {
        var s = state.State;
        var now = time.GetUtcNow();
        var next = s.Status == BookingStatus.Confirmed ? ReminderSchedule.NextWake(s.Start, s.ConfirmedAt, s.Sent, now) : null;
        s.NextWake = next;
        await state.WriteStateAsync();
        if (next is { } at)
        {
            var due = at - now;
            await this.RegisterOrUpdateReminder(ReminderName, due < TimeSpan.Zero ? TimeSpan.Zero : due, TimeSpan.FromMinutes(1));
            LogScheduled(logger, this.GetPrimaryKey(), at);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            LogUnscheduled(logger, this.GetPrimaryKey());
        }
    }

    /// <summary>
    /// Sends through the customer's conversation grain, as text inside the 24-hour window, else as the
    /// approved template. A customer who never wrote on WhatsApp cannot be messaged; that is logged.
    /// </summary>
    private async Task SendAsync(string purpose, MessageContent text, string template)
    {
        var s = state.State;
        var bookingId = this.GetPrimaryKey();
        if (s.CustomerWaId is null)
        {
            LogNoConversation(logger, bookingId);
            return;
        }

        var conversation = GrainFactory.GetGrain<IConversationGrain>(ConversationIds.For(s.BusinessId, s.CustomerWaId));
        var id = BookingMessages.ClientMessageId(bookingId, purpose, s.Start);
        var outcome = await conversation.SendAsync(new OutboundMessage(id, MessageSender.System, null, text));
        if (outcome.Refusal == SendRefusal.TemplateRequired)
        {
            outcome = await conversation.SendAsync(new OutboundMessage(
                BookingMessages.ClientMessageId(bookingId, purpose + "-template", s.Start), MessageSender.System, null, BookingMessages.AsTemplate(template, s)));
        }

        if (outcome.Refusal is { } refusal)
        {
            LogRefused(logger, bookingId, purpose, refusal);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId}: next reminder at {At}")]
    private static partial void LogScheduled(ILogger logger, Guid bookingId, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId}: no reminder scheduled")]
    private static partial void LogUnscheduled(ILogger logger, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId}: the customer has no WhatsApp conversation; nothing sent")]
    private static partial void LogNoConversation(ILogger logger, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {BookingId}: {Purpose} refused ({Refusal})")]
    private static partial void LogRefused(ILogger logger, Guid bookingId, string purpose, SendRefusal refusal);
}
