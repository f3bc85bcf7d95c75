using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Knowledge;

/// <summary>How the knowledge base answers questions. Bound from <c>Conversations:Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Conversations:Knowledge";

    /// <summary>
    /// The least share (above 0, at most 1) of a question's meaningful words an article must contain to be
    /// offered as its answer. Lower answers more questions, and more of them wrongly.
    /// </summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double MinCoverage { get; set; } = 0.5;
}
