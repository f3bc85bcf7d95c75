namespace Conversations.Grains.Interfaces.Models;

/// <summary>An approved WhatsApp template with its body parameters, the only thing that may open a closed window.</summary>
[GenerateSerializer, Immutable, Alias("conv.TemplateUse")]
public sealed record TemplateUse(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] IReadOnlyList<string> Parameters);
