using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Payments;

/// <summary>
/// What the customer is told about payments over WhatsApp, and the templates used when the 24-hour window is
/// closed. <c>payment_received</c> and <c>payment_refunded</c> must be approved in the business's WhatsApp
/// account with three body parameters: customer name, amount ("30.00 EUR"), service.
/// </summary>
public static class PaymentMessages
{
    public const string ReceivedTemplate = "payment_received";
    public const string RefundedTemplate = "payment_refunded";

    public static MessageContent Received(PaymentContact contact, string amount) => MessageContent.PlainText(
        $"Hi {contact.CustomerName}, we received your payment of {amount} for {contact.ServiceName} on {When(contact.Start)}. Thank you!");

    public static MessageContent Refunded(PaymentContact contact, string amount) => MessageContent.PlainText(
        $"Hi {contact.CustomerName}, your payment of {amount} for {contact.ServiceName} has been refunded. It can take a few days to reach your account.");

    public static MessageContent Link(PaymentContact contact, string amount, string url) => MessageContent.PlainText(
        $"Hi {contact.CustomerName}, you can pay {amount} for {contact.ServiceName} on {When(contact.Start)} here: {url}");

    public static MessageContent AsTemplate(string template, PaymentContact contact, string amount) => new(
        "template",
        Template: new TemplateUse(template, "en", [contact.CustomerName, amount, contact.ServiceName]));

    /// <summary>A stable id per payment and purpose, so a message retried or asked for twice is queued once.</summary>
    public static Guid ClientMessageId(Guid paymentId, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"payment/{paymentId:N}/{purpose}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string When(DateTimeOffset start) => start.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}
