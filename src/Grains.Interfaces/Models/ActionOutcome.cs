namespace Conversations.Grains.Interfaces.Models;

/// <summary>What became of one action: <c>done</c>, or <c>skipped</c> with why (no agent online, outside the 24-hour window…).</summary>
[GenerateSerializer, Immutable, Alias("automation.ActionOutcome")]
public sealed record ActionOutcome(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Result,
    [property: Id(2)] string? Reason = null);
