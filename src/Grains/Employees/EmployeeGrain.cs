using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    IOptions<PresenceOptions> presenceOptions,
    ILogger<EmployeeGrain> logger) : Grain, IEmployeeGrain
{
    private readonly HashSet<Guid> liveSessions = [];

    // Presence is ephemeral on purpose: it lives only in memory, heartbeat by heartbeat.
    private readonly Dictionary<string, DateTimeOffset> connections = new(StringComparer.Ordinal);
    private bool away;
    private Presence announced = Presence.Offline;
    private IGrainTimer? sweep;
    private Guid businessId;
    private bool active;
    private string role = "";
    private int roleVersion;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<bool> IsTokenValidAsync(Guid sessionId, string role, int roleVersion) =>
        Task.FromResult(
            active && liveSessions.Contains(sessionId) && string.Equals(role, this.role, StringComparison.Ordinal) && roleVersion == this.roleVersion);

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
        await AnnounceAccessChangedAsync();
        return revoked;
    }

    public async Task<Guid[]> RevokeOtherSessionsAsync(Guid? keep)
    {
        liveSessions.RemoveWhere(id => id != keep);
        var revoked = await store.RevokeOtherSessionsAsync(this.GetPrimaryKey(), keep, time.GetUtcNow());
        LogRevoked(this.GetPrimaryKey(), revoked.Length);
        await AnnounceAccessChangedAsync();
        return revoked;
    }

    public async Task<EmployeeChangeResult> ChangeRoleAsync(Guid businessId, string role)
    {
        var result = await store.ChangeRoleAsync(businessId, this.GetPrimaryKey(), role, time.GetUtcNow());
        if (result == EmployeeChangeResult.Changed)
        {
            // Read back rather than set: a business's own role comes with its current version.
            await LoadAsync(CancellationToken.None);
            await AnnounceAccessChangedAsync();
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
            connections.Clear();
            await AnnounceAsync();
            await AnnounceAccessChangedAsync();
            LogDeactivated(businessId, this.GetPrimaryKey());
        }

        return result;
    }

    public Task ConnectedAsync(string connectionId) => HeartbeatAsync(connectionId);

    public async Task HeartbeatAsync(string connectionId)
    {
        if (!active)
        {
            return;
        }

        connections[connectionId] = time.GetUtcNow();
        sweep ??= this.RegisterGrainTimer(
            SweepAsync, new GrainTimerCreationOptions(presenceOptions.Value.SweepInterval, presenceOptions.Value.SweepInterval));
        await AnnounceAsync();
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        connections.Remove(connectionId);
        await AnnounceAsync();
    }

    public async Task SetAwayAsync(bool away)
    {
        this.away = away;
        await AnnounceAsync();
    }

    public Task<Presence> GetPresenceAsync() => Task.FromResult(CurrentPresence());

    public async Task ReloadAsync()
    {
        await LoadAsync(CancellationToken.None);
        await AnnounceAccessChangedAsync();
    }

    private Presence CurrentPresence()
    {
        var cutoff = time.GetUtcNow() - presenceOptions.Value.OfflineAfter;
        return !active || !connections.Values.Any(last => last > cutoff) ? Presence.Offline
            : away ? Presence.Away
            : Presence.Online;
    }

    private async Task SweepAsync()
    {
        var cutoff = time.GetUtcNow() - presenceOptions.Value.OfflineAfter;
        foreach (var silent in connections.Where(c => c.Value <= cutoff).Select(c => c.Key).ToList())
        {
            connections.Remove(silent);
        }

        if (connections.Count == 0)
        {
            sweep?.Dispose();
            sweep = null;
        }

        await AnnounceAsync();
    }

    /// <summary>Tells colleagues when presence changed.</summary>
    private async Task AnnounceAsync()
    {
        var presence = CurrentPresence();
        if (presence == announced || businessId == Guid.Empty)
        {
            return;
        }

        announced = presence;
        await GrainFactory.GetGrain<IBusinessGrain>(businessId).PresenceChangedAsync(this.GetPrimaryKey(), presence == Presence.Online);
        await this.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .OnNextAsync(new PresenceChanged(businessId, this.GetPrimaryKey(), presence));
    }

    /// <summary>Tells every frontend to re-check this employee's live connections, so a refused token is dropped at once.</summary>
    private async Task AnnounceAccessChangedAsync()
    {
        if (businessId == Guid.Empty)
        {
            return;
        }

        await this.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .OnNextAsync(new EmployeeAccessChanged(businessId, this.GetPrimaryKey()));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var security = await store.LoadAsync(this.GetPrimaryKey(), time.GetUtcNow(), cancellationToken);
        liveSessions.Clear();
        active = security?.Status == EmployeeSecurity.Active;
        businessId = security?.BusinessId ?? Guid.Empty;
        role = security?.Role ?? "";
        roleVersion = security?.RoleVersion ?? 0;
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
