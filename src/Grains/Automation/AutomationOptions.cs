using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Automation;

/// <summary>Automation and SLAs. Bound from <c>Conversations:Automation</c>.</summary>
public sealed class AutomationOptions
{
    public const string Section = "Conversations:Automation";

    /// <summary>How long the business grain keeps a business's rules, policies and opening hours before reading them again (changes made through the API are seen at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SetupLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often an active conversation with running SLA targets looks at the clock. Reminders are minute-grained and
    /// bring an idle grain back; this timer makes warnings and breaches land close to their time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan SlaCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
