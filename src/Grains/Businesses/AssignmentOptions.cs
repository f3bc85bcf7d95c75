using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Businesses;

/// <summary>Auto-assignment. Bound from <c>Conversations:Assignment</c>.</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Conversations:Assignment";

    /// <summary>Open conversations an agent handles at once before others go to colleagues or wait.</summary>
    [Range(1, 1000)]
    public int AgentCapacity { get; set; } = 5;
}
