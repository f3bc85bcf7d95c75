namespace Conversations.Grains.Assistant.Offline;

/// <summary>How numeric dates like 03/04 are read: 3 April (DayMonth) or March 4 (MonthDay).</summary>
public enum DateOrder
{
    DayMonth = 0,
    MonthDay = 1,
}
