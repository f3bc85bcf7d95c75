using Orleans.Runtime;

namespace Conversations.Grains.Interfaces;

/// <summary>Where a business's live events are published: one stream per business.</summary>
public static class BusinessStreams
{
    /// <summary>The name of the stream provider every silo and client registers.</summary>
    public const string ProviderName = "BusinessEvents";

    public const string Namespace = "business";

    public static StreamId For(Guid businessId) => StreamId.Create(Namespace, businessId);
}
