namespace Conversations.Infrastructure.Customers;

/// <summary>A customer's editable fields, validated and normalised (E.164 phone, lower-case tags).</summary>
/// <param name="AttributesJson">A JSON object of custom attributes.</param>
public sealed record CustomerDraft(
    string? Name, string? WaId, string? Phone, string? Email, IReadOnlyList<string> Tags, bool IsVip, string AttributesJson);
