namespace Conversations.Grains.Workspace;

/// <summary>Tells one employee something that needs them: stored, and pushed live to their connections.</summary>
public interface IEmployeeNotifier
{
    Task NotifyAsync(Guid businessId, Guid employeeId, string kind, string title, Guid? conversationId, CancellationToken cancellationToken = default);
}
