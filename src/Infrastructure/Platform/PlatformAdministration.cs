using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Platform;

public static class PlatformAdministration
{
    /// <summary>Platform administrators and business suspension.</summary>
    public static IServiceCollection AddConversationsPlatformAdministration(this IServiceCollection services)
    {
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPasswordHasher<PlatformAdmin>, PasswordHasher<PlatformAdmin>>();
        services.AddSingleton<PlatformAdmins>();
        services.AddSingleton<BusinessSuspensions>();
        return services;
    }
}
