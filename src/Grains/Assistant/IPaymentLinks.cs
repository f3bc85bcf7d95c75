using Conversations.Grains.Bookings;

namespace Conversations.Grains.Assistant;

/// <summary>Payment links for bookings, sent to the customer over WhatsApp.</summary>
public interface IPaymentLinks
{
    /// <summary>Whether the business takes payments online; when not, bookings are paid on site.</summary>
    Task<bool> IsEnabledAsync(Guid businessId, CancellationToken cancellationToken);

    Task<PaymentLink> CreateAsync(Guid businessId, BookingView booking, CancellationToken cancellationToken);
}
