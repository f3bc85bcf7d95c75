namespace Conversations.Grains.Interfaces.Models;

[GenerateSerializer, Alias("conv.MessageSender")]
public enum MessageSender
{
    Customer = 0,
    Assistant = 1,
    Employee = 2,
    System = 3,
}
