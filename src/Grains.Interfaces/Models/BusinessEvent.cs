namespace Conversations.Grains.Interfaces.Models;

/// <summary>Something agents of one business see live. Published on <see cref="BusinessStreams.For"/>.</summary>
[GenerateSerializer, Immutable, Alias("conv.BusinessEvent")]
public abstract record BusinessEvent([property: Id(0)] Guid BusinessId, [property: Id(1)] Guid ConversationId);
