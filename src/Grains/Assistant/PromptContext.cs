namespace Conversations.Grains.Assistant;

/// <summary>What a prompt template's variables are filled with.</summary>
/// <param name="Services">The business's active services, one per line with price and duration.</param>
/// <param name="Now">The current time in the business's time zone.</param>
public sealed record PromptContext(
    string? CustomerName,
    string? CustomerPhone,
    string BusinessName,
    string TimeZone,
    string Services,
    string? BookingService,
    string? BookingTime,
    string? BookingStatus,
    DateTimeOffset Now);
