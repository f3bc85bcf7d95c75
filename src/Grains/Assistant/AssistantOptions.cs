using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Assistant;

/// <summary>How the assistant runs on this cluster. Section <c>Conversations:Assistant</c>.</summary>
public sealed class AssistantOptions
{
    public const string Section = "Conversations:Assistant";

    /// <summary>
    /// Whether the assistant answers customers at all on this cluster (an operator's switch; each business also
    /// turns its own assistant on or off). When off, conversations in mode <c>ai</c> wait silently for an agent.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one model call may take before it counts as failed (and is retried once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause before the one retry of a model call that timed out, was rate-limited or failed with a 5xx.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Model calls one turn may make in answer to tool results; a model still calling tools after that hands off.</summary>
    [Range(1, 20)]
    public int MaxToolRounds { get; set; } = 6;

    /// <summary>The most (estimated) tokens of conversation history sent to the model.</summary>
    [Range(200, 200_000)]
    public int HistoryTokenBudget { get; set; } = 4000;

    /// <summary>
    /// A turn that has not come back after this long (its silo died, say) is given up: the customer gets the
    /// holding message and the conversation goes to the humans.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:30:00")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the assistant waits for a voice note's transcript before answering without it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TranscriptWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages in a row the offline assistant may fail to understand before it fetches a colleague.</summary>
    [Range(1, 10)]
    public int MaxMisunderstandings { get; set; } = 2;

    /// <summary>Knowledge-base passages given to the model with each turn.</summary>
    [Range(0, 10)]
    public int KnowledgePassages { get; set; } = 3;

    /// <summary>Prices per model (by model id), for the cost recorded with each turn. Unknown models cost 0.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new() { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
        ["gpt-4o"] = new() { InputPerMillion = 2.50m, OutputPerMillion = 10.00m },
        ["gpt-4.1-mini"] = new() { InputPerMillion = 0.40m, OutputPerMillion = 1.60m },
        ["gpt-4.1"] = new() { InputPerMillion = 2.00m, OutputPerMillion = 8.00m },
    };
}
