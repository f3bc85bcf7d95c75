namespace Conversations.Grains.Assistant.Offline;

/// <summary>What a customer's message asks the offline assistant for.</summary>
public enum CustomerIntent
{
    Unknown = 0,
    Greeting = 1,
    ListServices = 2,
    AskPrices = 3,
    Book = 4,
    Confirm = 5,
    Decline = 6,
    CancelBooking = 7,
    MyBookings = 8,
    Human = 9,
    Thanks = 10,
    Goodbye = 11,
}
