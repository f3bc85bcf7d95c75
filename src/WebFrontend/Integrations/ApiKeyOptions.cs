using System.ComponentModel.DataAnnotations;

namespace Conversations.WebFrontend.Integrations;

/// <summary>API keys' request limits. Bound from <c>Conversations:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Conversations:ApiKeys";

    /// <summary>Requests per key and window on each frontend; beyond them a 429 with <c>Retry-After</c>.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
