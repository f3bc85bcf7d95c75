namespace Conversations.Infrastructure.Automation;

/// <summary>
/// Targets started in the range: met in time, breached, still running. <see cref="ShareMet"/> is met over met and
/// breached (null when none ended).
/// </summary>
public sealed record SlaFigures(int Met, int Breached, int Running, double? ShareMet);
