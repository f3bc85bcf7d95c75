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

    /// <summary>
    /// Running as a Kubernetes pod (deploy/kubernetes): silo name, advertised address, cluster and service ids come
    /// from the pod (POD_NAME, POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID), and silos whose pod is gone are
    /// declared dead at once. Clustering itself stays in PostgreSQL.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>
    /// Membership failure detection (Orleans <c>ClusterMembershipOptions</c>); unset keeps Orleans' default. A silo
    /// that stops answering is suspected after <see cref="NumMissedProbesLimit"/> missed probes of
    /// <see cref="ProbeTimeout"/> each, and declared dead once enough suspicions younger than
    /// <see cref="DeathVoteExpirationTimeout"/> agree. Until then calls to its grains fail and Meta retries
    /// the webhook, so nothing is lost; shorter values only shorten that window and raise the risk of
    /// declaring a busy silo dead.
    /// </summary>
    public TimeSpan? ProbeTimeout { get; set; }

    /// <inheritdoc cref="ProbeTimeout"/>
    public int? NumMissedProbesLimit { get; set; }

    /// <inheritdoc cref="ProbeTimeout"/>
    public TimeSpan? DeathVoteExpirationTimeout { get; set; }

    /// <summary>
    /// How long a grain call waits for its answer (Orleans <c>MessagingOptions.ResponseTimeout</c>, 30 s by
    /// default), on silos and clients alike. A call that was inside a silo when it was killed is answered by
    /// nobody and fails only after this; unset keeps Orleans' default.
    /// </summary>
    public TimeSpan? ResponseTimeout { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ProbeTimeout is { } probe && (probe < TimeSpan.FromMilliseconds(100) || probe > TimeSpan.FromMinutes(1)))
        {
            yield return new ValidationResult("Must be between 00:00:00.1 and 00:01:00.", [nameof(ProbeTimeout)]);
        }

        if (NumMissedProbesLimit is < 1 or > 10)
        {
            yield return new ValidationResult("Must be between 1 and 10.", [nameof(NumMissedProbesLimit)]);
        }

        if (ResponseTimeout is { } response && (response < TimeSpan.FromSeconds(1) || response > TimeSpan.FromMinutes(10)))
        {
            yield return new ValidationResult("Must be between 00:00:01 and 00:10:00.", [nameof(ResponseTimeout)]);
        }

        if (DeathVoteExpirationTimeout is { } votes && (votes < TimeSpan.FromSeconds(1) || votes > TimeSpan.FromHours(1)))
        {
            yield return new ValidationResult("Must be between 00:00:01 and 01:00:00.", [nameof(DeathVoteExpirationTimeout)]);
        }

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
