using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Conversations;

/// <summary>How messages are batched into PostgreSQL. Bound from <c>Conversations:Store</c>.</summary>
public sealed class ConversationStoreOptions
{
    public const string Section = "Conversations:Store";

    /// <summary>The most messages one round trip writes.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How many batches may be in flight at once (one connection each).</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 4;
}
