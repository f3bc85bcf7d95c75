namespace Conversations.Grains.Interfaces.Models;

/// <summary>Something one employee should look at.</summary>
/// <param name="Kind"><c>mention</c>, <c>assignment</c>, <c>handoff</c> or <c>delivery_failed</c>.</param>
[GenerateSerializer, Immutable, Alias("conv.NotificationView")]
public sealed record NotificationView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid EmployeeId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] Guid? ConversationId,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? ReadAt);
