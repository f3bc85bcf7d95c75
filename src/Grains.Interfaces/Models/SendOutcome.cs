namespace Conversations.Grains.Interfaces.Models;

/// <summary>What became of a request to send.</summary>
/// <param name="Message">The queued message, when accepted.</param>
/// <param name="Refusal">Why it was refused, when not.</param>
[GenerateSerializer, Immutable, Alias("conv.SendOutcome")]
public sealed record SendOutcome(
    [property: Id(0)] MessageView? Message,
    [property: Id(1)] SendRefusal? Refusal);
