namespace Conversations.Infrastructure.Customers;

/// <summary>A saved customer, or the field whose value another customer already has (phone, waId).</summary>
public sealed record CustomerWriteResult(CustomerRecord? Customer, string? DuplicateField, bool NotFound = false);
