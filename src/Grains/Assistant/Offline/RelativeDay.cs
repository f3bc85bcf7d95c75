namespace Conversations.Grains.Assistant.Offline;

/// <summary>Words naming a day by its distance from today ("tomorrow", "day after tomorrow"), perhaps with a part of it ("tonight").</summary>
internal sealed record RelativeDay(IReadOnlyList<string> Words, int Days, DayPart? Part);
