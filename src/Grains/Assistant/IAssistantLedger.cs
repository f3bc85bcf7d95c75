using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>The assistant's history: its turns with their usage, its flow transitions and its handoff summaries.</summary>
public interface IAssistantLedger
{
    /// <summary>Records a turn and the flow transitions it made, together (one round trip).</summary>
    Task RecordTurnAsync(AssistantTurnRecord turn, IReadOnlyList<FlowTransition> transitions, CancellationToken cancellationToken);

    Task<HandoffSummary> RecordHandoffAsync(Guid businessId, Guid conversationId, AssistantHandoff handoff, FlowState state, DateTimeOffset at, CancellationToken cancellationToken);
}
