using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Workspace;

/// <summary>Web Push. Bound from <c>Conversations:WebPush</c>.</summary>
public sealed class WebPushOptions
{
    public const string Section = "Conversations:WebPush";

    /// <summary>The VAPID contact push services may use (a <c>mailto:</c> or https URL).</summary>
    [Required, RegularExpression("^(mailto:|https://).+")]
    public string Subject { get; set; } = "mailto:support@conversations.example";
}
