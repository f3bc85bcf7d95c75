using Conversations.Grains.Automation;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Businesses;

/// <inheritdoc cref="IBusinessGrain"/>
/// <remarks>
/// Presence is memory only (employee grains report it on every change); load and the queue are read from
/// the conversations table at decision time, so a restarted grain needs nothing but the next presence report.
/// </remarks>
public sealed class BusinessGrain(
    IAssignmentStore store,
    IAutomationStore automation,
    IOptions<AssignmentOptions> options,
    IOptions<AutomationOptions> automationOptions,
    TimeProvider time) : Grain, IBusinessGrain
{
    private readonly SortedSet<Guid> online = [];
    private Guid? lastAssigned;

    // The rules are changed only through the API, which says so (AutomationChangedAsync); the lifetime covers what
    // changes elsewhere: opening hours, the time zone, who the owners and admins are.
    private Task<AutomationSetup>? setup;
    private DateTimeOffset setupReadAt;

    public async Task PresenceChangedAsync(Guid employeeId, bool isOnline)
    {
        if (isOnline ? online.Add(employeeId) : online.Remove(employeeId))
        {
            if (isOnline)
            {
                await DrainQueueAsync();
            }
        }
    }

    public async Task<Guid?> RequestAgentAsync(Guid conversationId)
    {
        var agent = await PickAgentAsync();
        if (agent is null)
        {
            return null;
        }

        var change = await GrainFactory.GetGrain<IConversationGrain>(conversationId).AutoAssignAsync(agent.Value);
        return change ? agent : null;
    }

    public Task ConversationWaitingAsync(Guid conversationId) => RequestAgentAsync(conversationId);

    public Task CapacityFreedAsync() => DrainQueueAsync();

    public async Task<AutomationSetup> GetAutomationAsync()
    {
        var now = time.GetUtcNow();
        if (setup is null || setup.IsFaulted || now - setupReadAt > automationOptions.Value.SetupLifetime || now < setupReadAt)
        {
            // Calls interleave here: they share one read.
            setupReadAt = now;
            setup = automation.LoadSetupAsync(this.GetPrimaryKey());
        }

        return await setup;
    }

    public Task AutomationChangedAsync()
    {
        setup = null;
        return Task.CompletedTask;
    }

    public Task<Guid?> ChooseAgentAsync() => PickAgentAsync();

    /// <summary>Gives waiting conversations out while agents have room.</summary>
    private async Task DrainQueueAsync()
    {
        if (online.Count == 0)
        {
            return;
        }

        foreach (var conversationId in await store.WaitingAsync(this.GetPrimaryKey(), online.Count * options.Value.AgentCapacity))
        {
            if (await RequestAgentAsync(conversationId) is null)
            {
                return;
            }
        }
    }

    /// <summary>The next online agent after the last one chosen, skipping those at capacity.</summary>
    private async Task<Guid?> PickAgentAsync()
    {
        if (online.Count == 0)
        {
            return null;
        }

        var load = await store.OpenLoadAsync(this.GetPrimaryKey(), online);
        var ordered = online.ToList();
        var start = lastAssigned is { } last ? ordered.FindIndex(id => id.CompareTo(last) > 0) : 0;
        start = start < 0 ? 0 : start;
        for (var i = 0; i < ordered.Count; i++)
        {
            var candidate = ordered[(start + i) % ordered.Count];
            if (load.GetValueOrDefault(candidate) < options.Value.AgentCapacity)
            {
                lastAssigned = candidate;
                return candidate;
            }
        }

        return null;
    }
}
