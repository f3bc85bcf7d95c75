using System.ComponentModel.DataAnnotations;

namespace Conversations.Infrastructure.Platform;

/// <summary>The first platform administrator, created at start-up when configured. Section <c>Conversations:Platform</c>.</summary>
public sealed class PlatformOptions : IValidatableObject
{
    public const string Section = "Conversations:Platform";

    [EmailAddress]
    public string? AdminEmail { get; set; }

    /// <summary>Set it from the environment (<c>Conversations__Platform__AdminPassword</c>), never in a file.</summary>
    public string? AdminPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminEmail is not null && (AdminPassword is null || AdminPassword.Length < 12))
        {
            yield return new ValidationResult("A platform administrator needs a password of at least 12 characters.", [nameof(AdminPassword)]);
        }
    }
}
