namespace Conversations.WebFrontend.Settings;

/// <param name="LogoMediaId">An image among the business's media, served at <c>/api/media/{id}</c>.</param>
/// <param name="PrimaryColor">#RRGGBB; null for the dashboard's own.</param>
public sealed record BrandingSettingsView(Guid? LogoMediaId, string? PrimaryColor, string? AccentColor);
