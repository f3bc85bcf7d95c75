namespace Conversations.Infrastructure.Payments;

/// <summary>Why a payment request was not carried out: the field at fault and a message for people.</summary>
public sealed record PaymentRefusal(PaymentRefusalKind Kind, string Field, string Message);
