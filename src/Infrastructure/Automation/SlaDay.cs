namespace Conversations.Infrastructure.Automation;

/// <summary>A local day: targets breached that day and targets met in time that day.</summary>
public sealed record SlaDay(DateOnly Day, int Breaches, int Met);
