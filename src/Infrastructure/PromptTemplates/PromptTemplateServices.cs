using Conversations.Grains.Assistant;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.PromptTemplates;

public static class PromptTemplateServices
{
    /// <summary>The prompt templates: their store, the values a preview fills them with, and <see cref="IPromptTemplates"/> for the assistant.</summary>
    public static IServiceCollection AddConversationsPromptTemplates(this IServiceCollection services)
    {
        services.AddSingleton<PromptTemplateStore>();
        services.AddSingleton<PromptContextQueries>();
        services.AddSingleton<IPromptTemplates, PostgresPromptTemplates>();
        return services;
    }
}
