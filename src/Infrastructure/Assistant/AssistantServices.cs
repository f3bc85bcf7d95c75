using Conversations.Grains.Assistant;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Infrastructure.Assistant;

public static class AssistantServices
{
    /// <summary>The assistant: its settings, tools' data, ledger, both engines and the model clients.</summary>
    public static IServiceCollection AddConversationsAssistant(this IServiceCollection services)
    {
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AssistantSettingsStore>();
        services.AddSingleton<IAssistantDirectory, PostgresAssistantDirectory>();
        services.AddSingleton<IAssistantLedger, PostgresAssistantLedger>();
        services.AddSingleton<AssistantHistory>();
        services.AddSingleton<IChatClientProvider, OpenAiChatClients>();
        services.TryAddSingleton<IPaymentLinks, PaymentsNotConfigured>();
        services.AddSingleton<OfflineAssistant>();
        services.AddSingleton<LanguageModelAssistant>();
        return services;
    }
}
