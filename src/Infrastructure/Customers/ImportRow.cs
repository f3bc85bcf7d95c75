namespace Conversations.Infrastructure.Customers;

/// <summary>A valid row of a customer CSV, with the line it came from.</summary>
public sealed record ImportRow(int Line, CustomerDraft Draft);
