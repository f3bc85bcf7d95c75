namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// Where the assistant is in serving the customer. The booking path runs greeting → service selection →
/// scheduling → confirmation → payment → booked; FAQ is answering a question from the knowledge base, and
/// handoff means a human has the conversation.
/// </summary>
[GenerateSerializer, Alias("conv.FlowState")]
public enum FlowState
{
    Greeting = 0,
    ServiceSelection = 1,
    Scheduling = 2,
    Confirmation = 3,
    Payment = 4,
    Booked = 5,
    Faq = 6,
    Handoff = 7,
}
