namespace Conversations.Grains.Interfaces.Models;

[GenerateSerializer, Alias("conv.SendRefusal")]
public enum SendRefusal
{
    /// <summary>More than 24 hours since the customer last wrote: only an approved template may be sent.</summary>
    TemplateRequired = 0,

    /// <summary>The conversation has never received a message, so there is nobody to answer.</summary>
    NoConversation = 1,
}
