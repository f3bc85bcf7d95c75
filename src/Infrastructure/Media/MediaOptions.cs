using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Media;

/// <summary>Where media are kept and how large they may be. Bound from <c>Conversations:Media</c>.</summary>
public sealed class MediaOptions
{
    public const string Section = "Conversations:Media";

    /// <summary>WhatsApp's largest media (documents) is 100 MB.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The largest file an employee may upload (<c>POST /api/media</c>): WhatsApp's limit for videos.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// The folder the files are kept in (a folder per business), relative to the content root unless absolute.
    /// Every node reads and writes it (silos fetch customers' media, frontends take uploads and serve files), so
    /// nodes on several machines share it (a network volume).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = ".data/media";

    /// <summary>How often files whose rows were deleted (by a customer's erasure, say) are deleted from the folder.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RemovalInterval { get; set; } = TimeSpan.FromMinutes(1);
}
