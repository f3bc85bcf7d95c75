using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Employees;

/// <inheritdoc cref="IEmployeeGrain"/>
/// <remarks>
/// Its memory is a copy of rows it writes itself, loaded on activation; nothing is kept in Orleans grain
/// storage, so there is no second copy that could disagree with the tables that lists read. A revocation
/// is applied to memory before the database, so a failed write fails closed: the token is refused.
/// </remarks>
public sealed partial class EmployeeGrain(
    IEmployeeSecurityStore store,
    TimeProvider time,
    ILogger<EmployeeGrain> logger) : Grain, IEmployeeGrain
{
    private readonly HashSet<Guid> liveSessions = [];
    private bool active;
    private string role = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<bool> IsTokenValidAsync(Guid sessionId, string role) =>
        Task.FromResult(active && liveSessions.Contains(sessionId) && string.Equals(role, this.role, StringComparison.Ordinal));

    public Task SessionStartedAsync(Guid sessionId)
    {
        liveSessions.Add(sessionId);
        return Task.CompletedTask;
    }

    public async Task<Guid[]> RevokeSessionsAsync(Guid[] sessionIds)
    {
        liveSessions.ExceptWith(sessionIds);
        var revoked = await store.RevokeSessionsAsync(this.GetPrimaryKey(), sessionIds, time.GetUtcNow());
        LogRevoked(this.GetPrimaryKey(), revoked.Length);
        return revoked;
    }

    public async Task<Guid[]> RevokeOtherSessionsAsync(Guid? keep)
    {
        liveSessions.RemoveWhere(id => id != keep);
        var revoked = await store.RevokeOtherSessionsAsync(this.GetPrimaryKey(), keep, time.GetUtcNow());
        LogRevoked(this.GetPrimaryKey(), revoked.Length);
        return revoked;
    }

    public async Task<EmployeeChangeResult> ChangeRoleAsync(Guid businessId, string role)
    {
        var result = await store.ChangeRoleAsync(businessId, this.GetPrimaryKey(), role, time.GetUtcNow());
        if (result == EmployeeChangeResult.Changed)
        {
            this.role = role;
        }

        return result;
    }

    public async Task<EmployeeChangeResult> DeactivateAsync(Guid businessId)
    {
        var result = await store.DeactivateAsync(businessId, this.GetPrimaryKey(), time.GetUtcNow());
        if (result == EmployeeChangeResult.Changed)
        {
            active = false;
            liveSessions.Clear();
            LogDeactivated(businessId, this.GetPrimaryKey());
        }

        return result;
    }

    public Task ReloadAsync() => LoadAsync(CancellationToken.None);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var security = await store.LoadAsync(this.GetPrimaryKey(), time.GetUtcNow(), cancellationToken);
        liveSessions.Clear();
        active = security?.Status == EmployeeSecurity.Active;
        role = security?.Role ?? "";
        if (security is not null)
        {
            liveSessions.UnionWith(security.LiveSessionIds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {Count} sessions of employee {EmployeeId}")]
    private partial void LogRevoked(Guid employeeId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deactivated employee {EmployeeId} of business {BusinessId}")]
    private partial void LogDeactivated(Guid businessId, Guid employeeId);
}
