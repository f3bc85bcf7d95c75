using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Channels;

/// <summary>The WhatsApp Cloud API endpoint. Bound from <c>Conversations:Meta</c>.</summary>
public sealed class MetaOptions
{
    public const string Section = "Conversations:Meta";

    /// <summary>The Graph API's base address; tests and proxies point it elsewhere.</summary>
    [Required, Url]
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    [Required, RegularExpression(@"^v\d+\.\d+$")]
    public string ApiVersion { get; set; } = "v21.0";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
