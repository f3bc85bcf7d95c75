namespace Conversations.Infrastructure.Customers;

/// <summary>One page of customers, oldest first, and the cursor of the next page (null on the last).</summary>
public sealed record CustomerPage(IReadOnlyList<CustomerRecord> Items, string? NextCursor);
