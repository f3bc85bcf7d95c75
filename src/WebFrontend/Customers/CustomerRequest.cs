using System.Text.Json;

namespace Conversations.WebFrontend.Customers;

/// <summary>
/// A customer to create, or the fields to change (null: unchanged; "" clears a text field). A phone without
/// country code is read in <see cref="Region"/> (ISO 3166, e.g. ES), else in the region of the business's
/// WhatsApp number.
/// </summary>
public sealed record CustomerRequest(
    string? Name,
    string? WaId,
    string? Phone,
    string? Email,
    IReadOnlyList<string>? Tags,
    bool? IsVip,
    JsonElement? Attributes,
    string? Region);
