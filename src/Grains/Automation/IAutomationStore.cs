using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Automation;

/// <summary>The automation tables as grains use them: the business's setup, what rules and macros did, SLA targets.</summary>
public interface IAutomationStore
{
    /// <summary>The business's enabled rules and SLA policies in order, its opening hours and its owners and admins.</summary>
    Task<AutomationSetup> LoadSetupAsync(Guid businessId, CancellationToken cancellationToken = default);

    /// <summary>The tags of the customer holding this WhatsApp id (none when there is no such customer).</summary>
    Task<IReadOnlyList<string>> CustomerTagsAsync(Guid businessId, string customerWaId, CancellationToken cancellationToken = default);

    /// <summary>A canned response's text with its variables filled, or <c>null</c> when the business has no such response.</summary>
    Task<string?> RenderCannedResponseAsync(
        Guid businessId, Guid cannedResponseId, string? customerName, Guid? employeeId, CancellationToken cancellationToken = default);

    /// <summary>Logs what ran; <c>false</c>, storing nothing, when the conversation already has a run with the same key.</summary>
    Task<bool> RecordExecutionAsync(AutomationExecution execution, CancellationToken cancellationToken = default);

    /// <summary>The run with this key on the conversation, or <c>null</c>.</summary>
    Task<AutomationExecution?> FindExecutionAsync(Guid businessId, Guid conversationId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Writes the conversation's priority to its inbox row.</summary>
    Task SetPriorityAsync(Guid businessId, Guid conversationId, string priority, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates one SLA target of a conversation.</summary>
    Task SaveSlaTargetAsync(SlaTargetRecord target, CancellationToken cancellationToken = default);
}
