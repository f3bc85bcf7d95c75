namespace Conversations.Infrastructure.Customers;

/// <summary>What an agent sees beside a conversation: who the customer is and their history with the business.</summary>
/// <param name="Customer">Null when the customer was erased.</param>
/// <param name="LifetimeValue">What completed bookings were worth, per currency.</param>
/// <param name="HandledBy">Employees who have handled this customer's conversation, most recent first.</param>
public sealed record CustomerPanel(
    CustomerRecord? Customer,
    IReadOnlyList<PanelBooking> Bookings,
    IReadOnlyList<MoneyAmount> LifetimeValue,
    IReadOnlyList<Guid> HandledBy);
