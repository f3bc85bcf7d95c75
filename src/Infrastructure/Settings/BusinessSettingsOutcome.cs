namespace Conversations.Infrastructure.Settings;

public enum BusinessSettingsOutcome
{
    /// <summary>Written; <see cref="BusinessSettingsUpdate.After"/> is what was committed.</summary>
    Updated,

    /// <summary>The caller's decision refused the change (it was invalid); nothing was written.</summary>
    Refused,

    /// <summary>The logo is not a media file of the business (it was deleted meanwhile); nothing was written.</summary>
    LogoNotFound,
}
