namespace Conversations.Infrastructure.Payments;

/// <summary>Whom a payment message goes to and what it names; <see cref="Start"/> is in the business's time zone.</summary>
public sealed record PaymentContact(string? CustomerWaId, string CustomerName, string ServiceName, DateTimeOffset Start);
