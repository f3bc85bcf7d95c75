using System.Collections.Concurrent;
using Conversations.Grains.Workspace;

namespace Conversations.Grains.Tests;

/// <summary>Keeps what grains ask to notify, for grain tests that run without the notification tables.</summary>
public sealed class RecordingNotifier : IEmployeeNotifier
{
    public ConcurrentQueue<(Guid EmployeeId, string Kind)> Sent { get; } = new();

    public Task NotifyAsync(Guid businessId, Guid employeeId, string kind, string title, Guid? conversationId, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((employeeId, kind));
        return Task.CompletedTask;
    }
}
