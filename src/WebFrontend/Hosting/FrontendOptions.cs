namespace Conversations.WebFrontend.Hosting;

/// <summary>How this frontend reaches the cluster. Bound from <c>Conversations:Frontend</c>.</summary>
public sealed class FrontendOptions
{
    public const string Section = "Conversations:Frontend";

    public FrontendMode Mode { get; set; } = FrontendMode.CoHosted;
}
