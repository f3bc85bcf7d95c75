using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>The assistant's flow moved from one state to another.</summary>
public sealed record FlowTransition(Guid BusinessId, Guid ConversationId, FlowState From, FlowState To, string Reason, Guid? TurnId, DateTimeOffset At);
