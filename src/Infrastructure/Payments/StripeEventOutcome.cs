namespace Conversations.Infrastructure.Payments;

/// <summary>What handling one Stripe event did.</summary>
public enum StripeEventOutcome
{
    /// <summary>The event changed our state.</summary>
    Applied,

    /// <summary>The event was handled before (Stripe redelivers); nothing changed.</summary>
    Duplicate,

    /// <summary>Recorded, but not about anything of ours (another type, or an object we do not know).</summary>
    Ignored,
}
