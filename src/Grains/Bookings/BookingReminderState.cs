namespace Conversations.Grains.Bookings;

/// <summary>The booking grain's persisted state: the plan it works from and what it has sent for the current start.</summary>
[GenerateSerializer, Alias("book.BookingReminderState")]
public sealed class BookingReminderState
{
    [Id(0)] public Guid BusinessId { get; set; }

    [Id(1)] public string? CustomerWaId { get; set; }

    [Id(2)] public string CustomerName { get; set; } = "";

    [Id(3)] public string ServiceName { get; set; } = "";

    [Id(4)] public DateTimeOffset Start { get; set; }

    [Id(5)] public string Status { get; set; } = "";

    [Id(6)] public DateTimeOffset ConfirmedAt { get; set; }

    [Id(7)] public List<TimeSpan> Sent { get; set; } = [];

    [Id(8)] public bool ConfirmationSent { get; set; }

    [Id(9)] public DateTimeOffset? NextWake { get; set; }
}
