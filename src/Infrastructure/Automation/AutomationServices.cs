using Conversations.Grains.Automation;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Automation;

public static class AutomationServices
{
    /// <summary>Rules, macros, SLA policies and their log, for silos (the grains' store) and frontends (the APIs).</summary>
    public static IServiceCollection AddConversationsAutomation(this IServiceCollection services)
    {
        services.AddOptions<AutomationOptions>().BindConfiguration(AutomationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAutomationStore, PostgresAutomationStore>();
        services.AddSingleton<AutomationRules>();
        services.AddSingleton<Macros>();
        services.AddSingleton<SlaPolicies>();
        services.AddSingleton<AutomationLog>();
        services.AddSingleton<SlaReports>();
        services.AddSingleton<AutomationReferences>();
        return services;
    }
}
