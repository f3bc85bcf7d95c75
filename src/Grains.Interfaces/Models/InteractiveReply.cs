namespace Conversations.Grains.Interfaces.Models;

/// <summary>The button or list row a customer chose (or a template's quick-reply button).</summary>
/// <param name="Id">The id we gave the option (or the quick reply's payload).</param>
[GenerateSerializer, Immutable, Alias("conv.InteractiveReply")]
public sealed record InteractiveReply(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description = null);
