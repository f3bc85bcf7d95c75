namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// What a message says, whatever its type. <see cref="Kind"/> is the WhatsApp type (<c>text</c>, <c>image</c>,
/// <c>audio</c>, <c>video</c>, <c>document</c>, <c>sticker</c>, <c>location</c>, <c>contacts</c>,
/// <c>interactive</c>, <c>button</c>, <c>reaction</c>, <c>template</c>, <c>unsupported</c>...); exactly the
/// parts that type carries are set.
/// </summary>
/// <param name="Text">The text, a media caption, or the title of the button or list row chosen.</param>
/// <param name="Raw">For types we do not model (<c>unsupported</c> and unknown ones), the provider's JSON, kept verbatim.</param>
[GenerateSerializer, Immutable, Alias("conv.MessageContent")]
public sealed record MessageContent(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] MediaAttachment? Media = null,
    [property: Id(3)] LocationShare? Location = null,
    [property: Id(4)] IReadOnlyList<ContactCard>? Contacts = null,
    [property: Id(5)] InteractiveReply? Reply = null,
    [property: Id(6)] ReactionMark? Reaction = null,
    [property: Id(7)] TemplateUse? Template = null,
    [property: Id(8)] string? Raw = null,
    [property: Id(9)] ChoicePrompt? Choices = null)
{
    public static MessageContent PlainText(string text) => new("text", text);
}
