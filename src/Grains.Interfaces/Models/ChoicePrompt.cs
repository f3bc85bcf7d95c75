namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// Options the customer picks from: WhatsApp reply buttons (up to three) or a list (up to ten), numbered text
/// where the channel has neither. The chosen option comes back as an <see cref="InteractiveReply"/> with its id.
/// </summary>
/// <param name="ButtonText">The label of the button that opens a list.</param>
[GenerateSerializer, Immutable, Alias("conv.ChoicePrompt")]
public sealed record ChoicePrompt(
    [property: Id(0)] string ButtonText,
    [property: Id(1)] IReadOnlyList<InteractiveReply> Options);
