namespace Conversations.Infrastructure.Analytics;

/// <summary>
/// One local day of the conversations report (or the whole range, when <paramref name="Day"/> is null).
/// Conversations are cycles: a new conversation, or a reopening of a resolved one, counted on the day it opened
/// and followed until its resolution, wherever that falls. Messages, handoffs and takeovers count on their own day.
/// </summary>
/// <param name="Started">New conversations.</param>
/// <param name="Reopened">Resolved conversations opened again (by the customer writing, or by the team).</param>
/// <param name="AssistantOnly">Cycles no person touched: no handoff, takeover or assignment, no employee reply, not held by a person when they opened.</param>
/// <param name="WithHuman">The other cycles.</param>
/// <param name="CustomerMessages">Messages customers sent that day.</param>
/// <param name="CustomerMessagesToAssistant">Of those, sent while the conversation was in the assistant's hands.</param>
/// <param name="CustomerMessagesToHumans">Of those, sent while it was in a person's hands (mode human).</param>
/// <param name="AssistantFirstResponse">From the customer's first message of the cycle to the assistant's first reply.</param>
/// <param name="HumanFirstResponse">From the customer's first message of the cycle to the first employee's reply.</param>
/// <param name="Resolved">Cycles resolved (so far).</param>
/// <param name="ResolvedByAssistant">Resolved cycles no person touched.</param>
/// <param name="AssistantResolutionShare"><paramref name="ResolvedByAssistant"/> over all cycles opened; null without any.</param>
/// <param name="Resolution">From the customer's first message of the cycle to its resolution.</param>
public sealed record ConversationDay(
    DateOnly? Day,
    long Started,
    long Reopened,
    long AssistantOnly,
    long WithHuman,
    long CustomerMessages,
    long CustomerMessagesToAssistant,
    long CustomerMessagesToHumans,
    ResponseTimes AssistantFirstResponse,
    ResponseTimes HumanFirstResponse,
    long Resolved,
    long ResolvedByAssistant,
    double? AssistantResolutionShare,
    ResponseTimes Resolution,
    long Handoffs,
    long Takeovers);
