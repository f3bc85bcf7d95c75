namespace Conversations.Grains.Businesses;

/// <summary>What auto-assignment reads from the conversations table.</summary>
public interface IAssignmentStore
{
    /// <summary>How many open or pending conversations each of these employees holds.</summary>
    Task<IReadOnlyDictionary<Guid, int>> OpenLoadAsync(Guid businessId, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken = default);

    /// <summary>Conversations waiting for a human (mode human, nobody assigned, open), longest waiting first.</summary>
    Task<IReadOnlyList<Guid>> WaitingAsync(Guid businessId, int limit, CancellationToken cancellationToken = default);
}
