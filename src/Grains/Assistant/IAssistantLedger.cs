using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>The assistant's history: its turns with their usage, its flow transitions and its handoff summaries.</summary>
public interface IAssistantLedger
{
    Task RecordTurnAsync(AssistantTurnRecord turn, CancellationToken cancellationToken);

    Task RecordTransitionAsync(FlowTransition transition, CancellationToken cancellationToken);

    Task<HandoffSummary> RecordHandoffAsync(Guid businessId, Guid conversationId, AssistantHandoff handoff, FlowState state, DateTimeOffset at, CancellationToken cancellationToken);
}
