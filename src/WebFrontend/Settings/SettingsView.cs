using Conversations.Infrastructure.Settings;
using Conversations.WebFrontend.Services;

namespace Conversations.WebFrontend.Settings;

/// <summary>The business's settings as one document (<c>GET /api/settings</c>); <c>PATCH</c> takes any part of it.</summary>
public sealed record SettingsView(GeneralSettingsView General, AiSettingsView Ai, BrandingSettingsView Branding)
{
    public static SettingsView From(BusinessSettings settings) => new(
        new GeneralSettingsView(settings.Name, settings.TimeZone, settings.Language, OpeningHoursView.From(settings.Hours), settings.AwayMessage),
        new AiSettingsView(
            settings.Ai.Enabled, settings.Ai.Provider, settings.Ai.BaseUrl, settings.Ai.Model, settings.Ai.HasApiKey, settings.Ai.Instructions,
            settings.Ai.Tone, new HandoffRulesView(settings.Ai.MaxMisunderstandings, settings.Ai.HandoffKeywords), settings.Ai.UpdatedAt),
        new BrandingSettingsView(settings.LogoMediaId, settings.PrimaryColor, settings.AccentColor));
}
