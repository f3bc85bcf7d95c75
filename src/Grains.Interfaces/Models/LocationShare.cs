namespace Conversations.Grains.Interfaces.Models;

[GenerateSerializer, Immutable, Alias("conv.LocationShare")]
public sealed record LocationShare(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude,
    [property: Id(2)] string? Name = null,
    [property: Id(3)] string? Address = null);
