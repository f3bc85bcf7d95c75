using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Conversations.Infrastructure.Hosting;

/// <summary>
/// Where this node sits in the Orleans cluster. Bound from <c>Conversations:Cluster</c>; our settings stay
/// out of the <c>Orleans</c> section, which Orleans reads for its own providers.
/// </summary>
public sealed class ClusterHostingOptions : IValidatableObject
{
    public const string Section = "Conversations:Cluster";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "conversations";

    /// <summary>Stays the same across deployments: grain state and reminders are keyed by it.</summary>
    [Required]
    public string ServiceId { get; set; } = "conversations";

    /// <summary>The address other silos and clients reach this silo on.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface (containers) rather than only the advertised address.</summary>
    public bool ListenOnAnyAddress { get; set; }

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult(
                $"'{AdvertisedAddress}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult(
                "The silo and gateway ports must differ.", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
