using System.ClientModel;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Assistant;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Conversations.Infrastructure.Assistant;

/// <summary>
/// Chat clients over the official OpenAI client, for OpenAI or any OpenAI-compatible endpoint, one per
/// endpoint, model and key (the key enters the cache key only as a hash). The client's own retries are off:
/// the assistant decides what to retry, and HTTP failures reach it as <see cref="LanguageModelException"/>.
/// </summary>
public sealed class OpenAiChatClients : IChatClientProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, IChatClient> clients = new();

    public IChatClient Get(LanguageModelEndpoint endpoint)
    {
        var key = $"{endpoint.BaseUrl}\n{endpoint.Model}\n{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.ApiKey ?? "")))}";
        return clients.GetOrAdd(key, _ => Create(endpoint));
    }

    private static IChatClient Create(LanguageModelEndpoint endpoint)
    {
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
            // The assistant bounds each call itself (AssistantOptions.ModelTimeout); this only stops a hung socket.
            NetworkTimeout = TimeSpan.FromMinutes(5),
        };
        if (!string.IsNullOrWhiteSpace(endpoint.BaseUrl))
        {
            options.Endpoint = new Uri(endpoint.BaseUrl);
        }

        // Self-hosted compatible servers often need no key; the client insists on one.
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(endpoint.ApiKey) ? "unused" : endpoint.ApiKey);
        var inner = new OpenAIClient(credential, options).GetChatClient(endpoint.Model).AsIChatClient();
        return new FailureTranslation(inner);
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>Turns the OpenAI client's HTTP failures into <see cref="LanguageModelException"/>, transient or not.</summary>
    private sealed class FailureTranslation(IChatClient inner) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            try
            {
                return await base.GetResponseAsync(messages, options, cancellationToken);
            }
            catch (ClientResultException exception)
            {
                var status = exception.Status == 0 ? (int?)null : exception.Status;
                throw new LanguageModelException(
                    $"The model endpoint answered {exception.Status}: {exception.Message}", status,
                    status is null or 408 or 429 or >= 500, exception);
            }
        }
    }
}
