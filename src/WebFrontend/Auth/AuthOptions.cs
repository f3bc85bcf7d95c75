using System.ComponentModel.DataAnnotations;

namespace Conversations.WebFrontend.Auth;

/// <summary>How access tokens are issued and checked. Bound from <c>Conversations:Auth</c>.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Conversations:Auth";

    [Required]
    public string Issuer { get; set; } = "conversations";

    [Required]
    public string Audience { get; set; } = "conversations";

    /// <summary>
    /// A base64 HMAC key of at least 32 bytes. When empty, the platform generates one and keeps it in
    /// PostgreSQL, so every frontend signs and checks with the same key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Short, because a refresh token renews it; revocation does not wait for it anyway.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(SigningKey))
        {
            yield break;
        }

        var key = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, key, out var length) || length < 32)
        {
            yield return new ValidationResult("The signing key must be base64 of at least 32 bytes.", [nameof(SigningKey)]);
        }
    }
}
