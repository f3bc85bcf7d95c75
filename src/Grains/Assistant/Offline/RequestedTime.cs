namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// When a customer wants to come, in the business's local calendar; the caller turns it into instants.
/// </summary>
/// <param name="Date">
/// The day asked for. When the message names only a time or a part of the day it is today if that is still
/// ahead, otherwise tomorrow, and <paramref name="IsDateExplicit"/> is false.
/// </param>
/// <param name="Time">The clock time asked for, if any.</param>
/// <param name="Part">The part of the day asked for ("friday morning", "tonight"), if any.</param>
/// <param name="IsDateExplicit">The message named the day (a date, a weekday, "tomorrow", "in 2 days"...).</param>
/// <param name="HasImpossibleDate">
/// The message named a date that does not exist ("31/02"); <paramref name="Date"/> is then null rather than guessed.
/// </param>
public sealed record RequestedTime(DateOnly? Date, TimeOnly? Time, DayPart? Part, bool IsDateExplicit, bool HasImpossibleDate);
