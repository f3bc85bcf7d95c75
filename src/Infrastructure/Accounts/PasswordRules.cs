namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// What a new password must be: 10 to 128 characters (the upper bound caps hashing work), not the
/// e-mail address, and not one of the passwords attackers try first (NIST SP 800-63B §5.1.1.2).
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    // The most common leaked passwords of 10 or more characters; shorter ones fail the length rule.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "123456789a", "0123456789", "0987654321", "1111111111", "0000000000",
        "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "qwerty1234", "qwerty123456", "asdfghjkl1", "zxcvbnm123",
        "password12", "password123", "password1234", "password!1", "passw0rd123", "iloveyou12", "iloveyou123",
        "welcome123", "welcome1234", "letmein123", "football123", "baseball123", "sunshine123", "princess123",
        "dragon1234", "monkey1234", "abc1234567", "abcd123456", "abcdefghij", "a123456789", "qwer123456",
        "administrator", "admin12345", "admin123456", "changeme123", "trustno1234", "superman123", "starwars123",
        "michael123", "jennifer123", "computer123", "internet123", "1234qwerty", "123qweasdzxc", "q1w2e3r4t5",
        "aaaaaaaaaa", "abcabcabcabc", "conversations", "conversations1",
    };

    /// <summary>Why <paramref name="password"/> is not acceptable, or <c>null</c> when it is.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }

        if (password.Length < MinLength)
        {
            return $"The password must have at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"The password must have at most {MaxLength} characters.";
        }

        if (Common.Contains(password) || password.Distinct().Count() == 1)
        {
            return "This password is too common; choose another.";
        }

        if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not be the e-mail address.";
        }

        return null;
    }
}
