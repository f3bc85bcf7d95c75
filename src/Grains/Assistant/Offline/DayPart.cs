namespace Conversations.Grains.Assistant.Offline;

/// <summary>A part of the day a customer may ask for instead of a time; <see cref="DayPartHours"/> gives its hours.</summary>
public enum DayPart
{
    Morning = 0,
    Afternoon = 1,
    Evening = 2,
}
