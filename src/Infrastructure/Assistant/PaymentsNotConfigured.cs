using Conversations.Grains.Assistant;
using Conversations.Grains.Bookings;

namespace Conversations.Infrastructure.Assistant;

/// <summary>Payment links while no payment provider is configured: bookings are paid on site, and the assistant says so.</summary>
public sealed class PaymentsNotConfigured : IPaymentLinks
{
    public Task<bool> IsEnabledAsync(Guid businessId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<PaymentLink> CreateAsync(Guid businessId, BookingView booking, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentLink(null, "Online payment is not available for this business; the booking is paid on site."));
}
