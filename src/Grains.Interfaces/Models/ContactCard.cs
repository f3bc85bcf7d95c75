namespace Conversations.Grains.Interfaces.Models;

/// <summary>A contact the customer shared.</summary>
[GenerateSerializer, Immutable, Alias("conv.ContactCard")]
public sealed record ContactCard(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Phones,
    [property: Id(2)] IReadOnlyList<string> Emails);
