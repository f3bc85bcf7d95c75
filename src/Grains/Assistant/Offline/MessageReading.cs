namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// What one customer message says. A message often says several things at once ("hi, can I book a haircut
/// tomorrow?"): <see cref="Intent"/> is the one the dialogue should act on, <see cref="Mentioned"/> all of them.
/// </summary>
/// <param name="Intent">
/// The primary intent: the most consequential one mentioned, in the order Human, CancelBooking, MyBookings,
/// AskPrices, Book, ListServices, Decline, Confirm, Goodbye, Thanks, Greeting; Unknown when none.
/// </param>
/// <param name="Mentioned">Every intent the message expresses and does not negate, the primary one included.</param>
/// <param name="IsQuestion">A question mark, or a clause opening like a question ("can I", "what", "when").</param>
/// <param name="IsNegated">
/// The message turned down something it named ("I don't want to talk to a human"). A message that only turns
/// things down reads as Decline.
/// </param>
public sealed record MessageReading(CustomerIntent Intent, IReadOnlySet<CustomerIntent> Mentioned, bool IsQuestion, bool IsNegated)
{
    public bool IsGreeting => Mentioned.Contains(CustomerIntent.Greeting);

    public bool IsThanks => Mentioned.Contains(CustomerIntent.Thanks);

    public bool IsGoodbye => Mentioned.Contains(CustomerIntent.Goodbye);

    public bool Mentions(CustomerIntent intent) => Mentioned.Contains(intent);
}
