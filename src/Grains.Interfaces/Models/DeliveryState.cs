namespace Conversations.Grains.Interfaces.Models;

/// <summary>Where an outbound message is on its way to the customer. Only ever moves forward.</summary>
[GenerateSerializer, Alias("conv.DeliveryState")]
public enum DeliveryState
{
    Queued = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,

    /// <summary>The provider refused or could not deliver it; see the error code and title.</summary>
    Failed = 4,
}
