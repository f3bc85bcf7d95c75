using Conversations.Grains.Assistant;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Knowledge;

public static class KnowledgeServices
{
    /// <summary>The FAQ articles, and <see cref="IKnowledgeBase"/>, which the assistant answers questions from.</summary>
    public static IServiceCollection AddConversationsKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeArticles>();
        services.AddSingleton<PostgresKnowledgeBase>();
        services.AddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<PostgresKnowledgeBase>());
        return services;
    }
}
