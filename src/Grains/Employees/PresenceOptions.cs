using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Employees;

/// <summary>How presence is judged. Bound from <c>Conversations:Presence</c>.</summary>
public sealed class PresenceOptions
{
    public const string Section = "Conversations:Presence";

    /// <summary>A connection that has not sent a heartbeat for this long no longer counts.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a connected employee's grain looks for silent connections.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);
}
