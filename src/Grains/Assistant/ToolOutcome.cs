namespace Conversations.Grains.Assistant;

/// <summary>A tool's answer, or the reason it refused (said to the model, or turned into words for the customer).</summary>
public sealed record ToolOutcome<T>(T? Value, string? Refusal)
    where T : class
{
    public static ToolOutcome<T> Done(T value) => new(value, null);

    public static ToolOutcome<T> Refused(string reason) => new(null, reason);
}
