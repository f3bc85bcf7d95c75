namespace Conversations.WebFrontend.Auth;

/// <summary>Field rules shared by sign-up, invitations and employee updates.</summary>
public static class AccountFields
{
    public const int MaxDisplayNameLength = 100;

    public static string? DisplayNameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A name is required."
        : name.Trim().Length > MaxDisplayNameLength ? $"The name must have at most {MaxDisplayNameLength} characters."
        : null;
}
