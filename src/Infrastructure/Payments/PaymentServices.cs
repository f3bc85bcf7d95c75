using Conversations.Grains.Assistant;
using Conversations.Grains.Bookings;
using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Payments;

public static class PaymentServices
{
    /// <summary>
    /// Booking payments through Stripe, and the businesses' plans. Payments are Stripe's when
    /// <c>Conversations:Stripe:SecretKey</c> is set, else <see cref="PaymentsNotConfigured"/> (paid on site);
    /// plans and their limits apply either way.
    /// </summary>
    public static IServiceCollection AddConversationsPayments(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StripeOptions>, StripeOptionsValidation>());
        services.AddSingleton<StripeAccount>();
        services.AddSingleton<PaymentSettingsStore>();
        services.AddSingleton<BookingPayments>();
        services.AddSingleton<PaymentNotices>();
        services.AddSingleton<StripePaymentLinks>();
        services.AddSingleton<IPaymentLinks>(sp => sp.GetRequiredService<StripeAccount>().IsConfigured
            ? sp.GetRequiredService<StripePaymentLinks>()
            : new PaymentsNotConfigured());
        services.AddSingleton<CancellationRefunds>();
        services.AddSingleton<IBookingObserver>(sp => sp.GetRequiredService<CancellationRefunds>());
        services.AddSingleton<StripeEvents>();

        services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlanOptions>, PlanOptionsValidation>());
        services.AddSingleton<PlanCatalog>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<PlanLimitNotices>();
        services.AddSingleton<PlanLimits>();
        services.AddSingleton<IAssistantAllowance, PlanAllowance>();
        services.AddSingleton<PlatformBilling>();
        return services;
    }
}
