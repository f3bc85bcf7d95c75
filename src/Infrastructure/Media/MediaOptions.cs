using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Media;

/// <summary>The media store's limits. Bound from <c>Conversations:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Conversations:Media";

    /// <summary>WhatsApp's largest media (documents) is 100 MB.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;
}
