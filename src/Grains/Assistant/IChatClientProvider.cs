using Microsoft.Extensions.AI;

namespace Conversations.Grains.Assistant;

/// <summary>Chat clients for the businesses' model endpoints (the official OpenAI client behind <see cref="IChatClient"/>).</summary>
public interface IChatClientProvider
{
    /// <summary>A client for the endpoint; clients are shared, never disposed by the caller.</summary>
    IChatClient Get(LanguageModelEndpoint endpoint);
}
