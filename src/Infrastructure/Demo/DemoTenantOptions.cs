namespace Conversations.Infrastructure.Demo;

/// <summary>
/// The demo business seeded on first start. Bound from <c>Conversations:Demo</c>; the password and app
/// secret also come from <c>CONVERSATIONS_DEMO_PASSWORD</c> and <c>CONVERSATIONS_DEMO_META_APP_SECRET</c>.
/// </summary>
public sealed class DemoTenantOptions
{
    public const string Section = "Conversations:Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>The owner's password; generated and printed once when not set.</summary>
    public string? Password { get; set; }

    /// <summary>The demo number's Meta app secret; generated and printed once when not set.</summary>
    public string? MetaAppSecret { get; set; }
}
