using Conversations.Grains.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Integrations;

public static class WebhookServices
{
    /// <summary>Outbound webhooks: the dispatcher grain's store and sender, and the endpoints the API manages.</summary>
    public static IServiceCollection AddConversationsWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSecretProtector>();
        services.AddSingleton<IWebhookStore, PostgresWebhookStore>();
        services.AddSingleton<WebhookEndpoints>();

        // Receivers are the businesses' own servers: no automatic redirects to elsewhere, our own timeout per attempt.
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWebhookSender, WebhookSender>();
        return services;
    }
}
