namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>One reminder's row in <c>orleans_reminders</c>.</summary>
public sealed record ReminderRow(string GrainId, string ReminderName, DateTime StartTime, long PeriodMs);
