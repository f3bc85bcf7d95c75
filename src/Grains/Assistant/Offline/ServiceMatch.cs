namespace Conversations.Grains.Assistant.Offline;

/// <summary>The services a message points at: one when the choice is clear, several when it fits them equally.</summary>
public sealed record ServiceMatch(IReadOnlyList<ServiceOption> Candidates)
{
    /// <summary>The chosen service, or null when the message fits several.</summary>
    public ServiceOption? Chosen => Candidates.Count == 1 ? Candidates[0] : null;

    public bool IsAmbiguous => Candidates.Count > 1;
}
