using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>What a turn has done so far: the memory it leaves, the choices it offers, whether it hands off.</summary>
public sealed class TurnProgress(AssistantMemory memory)
{
    public AssistantMemory Memory { get; set; } = memory;

    /// <summary>Options to show with the reply (buttons or a list).</summary>
    public ChoicePrompt? Choices { get; set; }

    public AssistantHandoff? Handoff { get; set; }

    /// <summary>The steps the flow took, for its history.</summary>
    public List<FlowMove> Moves { get; } = [];

    public void MoveTo(FlowState state, string reason)
    {
        if (Memory.State != state)
        {
            Moves.Add(new FlowMove(Memory.State, state, reason));
            Memory = Memory with { State = state };
        }
    }
}
