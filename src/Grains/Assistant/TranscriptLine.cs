using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>One message of the conversation as the assistant reads it.</summary>
/// <param name="Text">The words (for media, its caption or a placeholder such as <c>[image]</c>).</param>
/// <param name="Choice">The button or list row the customer chose, when they did.</param>
public sealed record TranscriptLine(long Sequence, MessageSender Sender, string Text, InteractiveReply? Choice, DateTimeOffset At);
