namespace Conversations.Grains.Interfaces.Models;

[GenerateSerializer, Alias("conv.MessageDirection")]
public enum MessageDirection
{
    /// <summary>From the customer to the business.</summary>
    Inbound = 0,

    /// <summary>From the business (assistant, employee or system) to the customer.</summary>
    Outbound = 1,
}
