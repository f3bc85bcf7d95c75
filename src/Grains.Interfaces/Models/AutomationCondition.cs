namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// One test a rule makes before acting (all of a rule's must hold): <c>text_contains</c> (the customer's message, any
/// case), <c>label</c> (the conversation has it), <c>customer_tag</c>, <c>channel</c> (<c>meta</c>, <c>twilio</c> or
/// <c>local</c>) and <c>business_hours</c> (<c>inside</c> or <c>outside</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("automation.Condition")]
public sealed record AutomationCondition(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Value)
{
    public const string TextContains = "text_contains";
    public const string Label = "label";
    public const string CustomerTag = "customer_tag";
    public const string Channel = "channel";
    public const string BusinessHours = "business_hours";

    public static IReadOnlyList<string> Kinds { get; } = [TextContains, Label, CustomerTag, Channel, BusinessHours];
}
