namespace Conversations.Grains.Assistant;

/// <summary>A link the customer pays a booking with, or why there is none.</summary>
public sealed record PaymentLink(string? Url, string? Refusal);
