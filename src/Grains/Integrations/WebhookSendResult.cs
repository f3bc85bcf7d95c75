namespace Conversations.Grains.Integrations;

/// <summary>One POST's outcome: the receiver's status (null when none came back), how long it took, and why it failed.</summary>
public sealed record WebhookSendResult(int? StatusCode, TimeSpan Duration, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
