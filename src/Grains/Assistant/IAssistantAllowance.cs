namespace Conversations.Grains.Assistant;

/// <summary>The business's plan decides how many conversations the assistant may answer in a month.</summary>
public interface IAssistantAllowance
{
    /// <summary>
    /// Whether the assistant may answer this conversation: yes when it already did this month, or when the
    /// month's allowance has room (the conversation then counts against it).
    /// </summary>
    Task<bool> AdmitAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken);
}
