using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Conversations.Infrastructure.Hosting;

/// <summary>
/// Binds and validates a section that is needed while the host is still being built (Orleans providers
/// are configured before options can be resolved), with the same message options validation gives.
/// </summary>
public static class ValidatedConfiguration
{
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var problems = results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
            throw new InvalidOperationException($"Invalid configuration: {string.Join("; ", problems)}");
        }

        return value;
    }
}
