using Conversations.Grains.Bookings;
using Conversations.Grains.Businesses;
using Conversations.Infrastructure.Calendar;
using Conversations.Infrastructure.Customers;
using Conversations.Infrastructure.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Bookings;

public static class BookingServices
{
    /// <summary>Customers, services, bookings and calendar feeds; <see cref="IBookings"/> is what grains and the assistant book through.</summary>
    public static IServiceCollection AddConversationsBookings(this IServiceCollection services)
    {
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<CustomerPrivacy>();
        services.AddSingleton<CustomerSegments>();
        services.AddSingleton<ServiceCatalog>();
        services.AddSingleton<IBusinessHours, PostgresBusinessHours>();
        services.AddSingleton<StaffNotifications>();
        services.AddSingleton<PostgresBookings>();
        services.AddSingleton<IBookings>(sp => sp.GetRequiredService<PostgresBookings>());
        services.AddSingleton<CalendarFeeds>();
        services.AddSingleton<CalendarRenderer>();
        services.AddHostedService<BookingReminderRepair>();
        return services;
    }
}
