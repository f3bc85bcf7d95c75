namespace Conversations.Infrastructure.Plans;

/// <summary>One of the platform's invoices to a business, as Stripe's invoice events told it.</summary>
public sealed record InvoiceView(
    string Id,
    string? Number,
    long AmountDue,
    long AmountPaid,
    string Currency,
    string Status,
    string? HostedUrl,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    DateTimeOffset CreatedAt);
