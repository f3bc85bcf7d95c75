using Conversations.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// One business's shared inbox rules: which agents are online, and giving handed-off conversations to them
/// by round-robin within each agent's capacity. Conversations no one can take wait in the unassigned queue
/// and are given out as soon as an agent comes online or frees up.
/// </summary>
public interface IBusinessGrain : IGrainWithGuidKey
{
    /// <summary>An employee's presence changed.</summary>
    [OneWay]
    Task PresenceChangedAsync(Guid employeeId, bool online);

    /// <summary>A conversation needs a human: assign it now if an online agent has room, else it waits.</summary>
    Task<Guid?> RequestAgentAsync(Guid conversationId);

    /// <summary>A conversation joined the humans' queue without anyone waiting for the answer (the assistant handed it off).</summary>
    [OneWay]
    Task ConversationWaitingAsync(Guid conversationId);

    /// <summary>An agent may have room again (a conversation was resolved, released or passed on).</summary>
    [OneWay]
    Task CapacityFreedAsync();

    /// <summary>
    /// The business's automation rules, SLA policies and opening hours, cached here so conversation grains never read
    /// them per message. Interleaved: a conversation grain asks while the business grain may be calling it.
    /// </summary>
    [AlwaysInterleave]
    Task<AutomationSetup> GetAutomationAsync();

    /// <summary>Rules, macros or SLA policies changed: the next <see cref="GetAutomationAsync"/> reads them again.</summary>
    [OneWay]
    Task AutomationChangedAsync();

    /// <summary>
    /// Round-robin's next online agent with room, without assigning anything: the asking conversation grain assigns
    /// itself. Interleaved for the same reason as <see cref="GetAutomationAsync"/>.
    /// </summary>
    [AlwaysInterleave]
    Task<Guid?> ChooseAgentAsync();
}
