namespace Conversations.Grains.Assistant.Offline;

/// <summary>Words placed before an hour that move it by some minutes: "half past" (+30), "quarter to" (−15).</summary>
internal sealed record MinuteOffset(IReadOnlyList<string> Words, int Minutes);
