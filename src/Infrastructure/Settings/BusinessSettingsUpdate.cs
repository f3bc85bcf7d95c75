namespace Conversations.Infrastructure.Settings;

/// <summary>What an update did: the settings before and after, or why nothing was written.</summary>
public sealed record BusinessSettingsUpdate(BusinessSettingsOutcome Outcome, BusinessSettings Before, BusinessSettings? After);
