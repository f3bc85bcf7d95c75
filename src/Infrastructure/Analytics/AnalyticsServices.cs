using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Analytics;

public static class AnalyticsServices
{
    /// <summary>The reports (conversations, revenue, performance) and the record of their exports.</summary>
    public static IServiceCollection AddConversationsAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<AnalyticsQueries>();
        services.AddSingleton<AnalyticsExports>();
        return services;
    }
}
