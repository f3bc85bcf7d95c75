using Conversations.Grains.Conversations;
using Conversations.Grains.Employees;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Channels;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Conversations.Infrastructure.Hosting;

public static class PlatformServices
{
    /// <summary>
    /// The database and everything that reads or writes it, for silos and frontends alike. Registered before
    /// Orleans so the schema is migrated before the providers look for their tables.
    /// </summary>
    public static IHostApplicationBuilder AddConversationsPlatform(this IHostApplicationBuilder builder)
    {
        var connectionString = DatabaseOptions.ReadConnectionString(builder.Configuration);
        var services = builder.Services;

        services.AddOptions<DatabaseOptions>().Configure(o => o.ConnectionString = connectionString);
        services.AddOptions<ConversationStoreOptions>()
            .BindConfiguration(ConversationStoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationsOnStartup>();
        services.AddSingleton<PlatformSecrets>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PostgresConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<PostgresConversationStore>());
        services.AddSingleton<MessageQueries>();

        services.AddMemoryCache();
        services.AddSingleton<WhatsAppChannelDirectory>();
        services.AddSingleton<IPasswordHasher<EmployeeAccount>, PasswordHasher<EmployeeAccount>>();
        services.AddSingleton<EmployeeDirectory>();
        services.AddSingleton<BusinessProvisioning>();

        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmployeeSecurityStore, PostgresEmployeeSecurityStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<EmailVerification>();
        services.AddSingleton<PasswordCredentials>();
        services.AddSingleton<EmployeeInvitations>();
        return builder;
    }
}
