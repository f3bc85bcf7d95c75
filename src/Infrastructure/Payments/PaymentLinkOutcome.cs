namespace Conversations.Infrastructure.Payments;

/// <summary>A booking's payment link, or why it has none: the field at fault and a message for people.</summary>
/// <param name="Reused">The booking's link still open was handed out again rather than a new one made.</param>
public sealed record PaymentLinkOutcome(PaymentView? Payment, bool Reused, PaymentRefusal? Refusal)
{
    public static PaymentLinkOutcome Refused(PaymentRefusalKind kind, string field, string message) => new(null, false, new PaymentRefusal(kind, field, message));
}
