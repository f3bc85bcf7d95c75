namespace Conversations.Grains.Interfaces.Models;

/// <summary>An employee came online, went away or went offline.</summary>
[GenerateSerializer, Immutable, Alias("conv.PresenceChanged")]
public sealed record PresenceChanged(Guid BusinessId, [property: Id(0)] Guid EmployeeId, [property: Id(1)] Presence Presence)
    : BusinessEvent(BusinessId, Guid.Empty);
