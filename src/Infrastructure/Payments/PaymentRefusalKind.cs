namespace Conversations.Infrastructure.Payments;

public enum PaymentRefusalKind
{
    /// <summary>No such thing in the business (booking, plan).</summary>
    NotFound,

    /// <summary>The request does not fit the current state (a cancelled or paid booking, a plan already running…).</summary>
    Conflict,

    /// <summary>Stripe could not be reached or refused the request.</summary>
    Unavailable,
}
