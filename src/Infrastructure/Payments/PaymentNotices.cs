using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Bookings;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// Tells the customer about their payment through their conversation grain (like the booking's confirmation):
/// as text inside the 24-hour window, else as an approved template. Sent after the change is committed; a
/// refusal is logged, never turned into an error for a payment that is recorded.
/// </summary>
public sealed partial class PaymentNotices(TenantDatabase database, IGrainFactory grains, ILogger<PaymentNotices> logger)
{
    public async Task PaidAsync(Guid businessId, Guid bookingId, Guid paymentId, long amountMinor, string currency, CancellationToken cancellationToken)
    {
        var amount = Money.Format(amountMinor, currency);
        await SendAsync(businessId, bookingId, PaymentMessages.ClientMessageId(paymentId, "received"), MessageSender.System, null,
            c => PaymentMessages.Received(c, amount), c => PaymentMessages.AsTemplate(PaymentMessages.ReceivedTemplate, c, amount), cancellationToken);
    }

    public async Task RefundedAsync(Guid businessId, Guid bookingId, Guid paymentId, long amountMinor, string currency, CancellationToken cancellationToken)
    {
        var amount = Money.Format(amountMinor, currency);
        await SendAsync(businessId, bookingId, PaymentMessages.ClientMessageId(paymentId, "refunded"), MessageSender.System, null,
            c => PaymentMessages.Refunded(c, amount), c => PaymentMessages.AsTemplate(PaymentMessages.RefundedTemplate, c, amount), cancellationToken);
    }

    /// <summary>An employee sends the payment link; the message is theirs. Outside the 24-hour window there is no template for a link.</summary>
    public Task<SendOutcome?> LinkAsync(Guid businessId, PaymentView payment, Guid employeeId, CancellationToken cancellationToken)
    {
        var amount = Money.Format(payment.AmountMinor, payment.Currency);
        return SendAsync(businessId, payment.BookingId, PaymentMessages.ClientMessageId(payment.Id, "link"), MessageSender.Employee, employeeId,
            c => PaymentMessages.Link(c, amount, payment.Url), null, cancellationToken);
    }

    private async Task<SendOutcome?> SendAsync(
        Guid businessId, Guid bookingId, Guid clientMessageId, MessageSender sender, Guid? employeeId,
        Func<PaymentContact, MessageContent> text, Func<PaymentContact, MessageContent>? template, CancellationToken cancellationToken)
    {
        var contact = await FindContactAsync(businessId, bookingId, cancellationToken);
        if (contact?.CustomerWaId is not { } waId)
        {
            LogNoConversation(logger, businessId, bookingId);
            return null;
        }

        var conversation = grains.GetGrain<IConversationGrain>(ConversationIds.For(businessId, waId));
        var outcome = await conversation.SendAsync(new OutboundMessage(clientMessageId, sender, employeeId, text(contact)));
        if (outcome.Refusal == SendRefusal.TemplateRequired && template is not null)
        {
            outcome = await conversation.SendAsync(new OutboundMessage(
                PaymentMessages.ClientMessageId(clientMessageId, "template"), sender, employeeId, template(contact)));
        }

        if (outcome.Refusal is { } refusal)
        {
            LogRefused(logger, businessId, bookingId, refusal);
        }

        return outcome;
    }

    private async Task<PaymentContact?> FindContactAsync(Guid businessId, Guid bookingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT c.wa_id, c.name, s.name, b.starts_at, biz.time_zone
              FROM bookings b
              JOIN customers c ON c.id = b.customer_id
              JOIN services s ON s.id = b.service_id
              JOIN businesses biz ON biz.id = b.business_id
             WHERE b.business_id = @b AND b.id = @id AND c.erased_at IS NULL
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", bookingId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var zone = BusinessTimeZones.Resolve(reader.GetString(4));
        return new PaymentContact(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? "there" : reader.GetString(1),
            reader.GetString(2),
            TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(3), zone));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} of business {BusinessId}: the customer has no WhatsApp conversation; no payment message sent")]
    private static partial void LogNoConversation(ILogger logger, Guid businessId, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {BookingId} of business {BusinessId}: payment message refused ({Refusal})")]
    private static partial void LogRefused(ILogger logger, Guid businessId, Guid bookingId, SendRefusal refusal);
}
