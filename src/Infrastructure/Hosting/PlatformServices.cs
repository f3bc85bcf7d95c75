using Conversations.Grains.Businesses;
using Conversations.Grains.Observability;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Voice;
using Conversations.Grains.Channels;
using Conversations.Grains.Conversations;
using Conversations.Grains.Workspace;
using Conversations.Grains.Employees;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Analytics;
using Conversations.Infrastructure.Automation;
using Conversations.Infrastructure.Bookings;
using Conversations.Infrastructure.Channels;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Customers;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Integrations;
using Conversations.Infrastructure.Knowledge;
using Conversations.Infrastructure.Mail;
using Conversations.Infrastructure.Media;
using Conversations.Infrastructure.Platform;
using Conversations.Infrastructure.TwoFactor;
using Conversations.Infrastructure.Payments;
using Conversations.Infrastructure.PromptTemplates;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Settings;
using Conversations.Infrastructure.Workspace;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;

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
        services.AddSingleton(_ => new TenantDatabase(connectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationsOnStartup>();
        services.AddSingleton<PlatformSecrets>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ConversationsMetrics>();
        services.AddOptions<AssignmentOptions>().BindConfiguration(AssignmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAssignmentStore, PostgresAssignmentStore>();
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PostgresConversationStore>();
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<PostgresConversationStore>());
        services.AddSingleton<MessageQueries>();
        services.AddSingleton<ConversationQueries>();
        services.AddSingleton<NoteStore>();
        services.AddSingleton<CustomerPanelQueries>();
        services.AddSingleton<RatingQueries>();
        services.AddSingleton<WorkspaceSettingsStore>();
        services.AddSingleton<BusinessSettingsStore>();
        services.AddSingleton<CannedResponseStore>();
        services.AddOptions<WebPushOptions>().BindConfiguration(WebPushOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(WebPush));
        services.AddSingleton<WebPush>();
        services.AddSingleton<Notifications>();
        services.AddSingleton<IEmployeeNotifier>(sp => sp.GetRequiredService<Notifications>());

        services.AddMemoryCache();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ActivityQueries>();

        // Silos send mail too (staff notices of bookings the assistant makes), not only frontends.
        services.AddConversationsMail();
        services.AddConversationsChannels();
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
        services.AddSingleton<RoleStore>();
        services.AddSingleton<RolePermissions>();
        services.AddSingleton<SystemRolesSync>();
        services.AddSingleton<TwoFactorStore>();
        services.AddConversationsBookings();
        services.AddConversationsKnowledge();
        services.AddConversationsPromptTemplates();
        services.AddConversationsPayments();
        services.AddConversationsAssistant();
        services.AddConversationsAnalytics();
        services.AddConversationsVoice();
        services.AddConversationsPlatformAdministration();
        services.AddConversationsWebhooks();
        services.AddConversationsAutomation();
        return builder;
    }

    /// <summary>WhatsApp numbers: protected credentials, the senders behind <see cref="IWhatsAppSender"/>, the outbox.</summary>
    private static IServiceCollection AddConversationsChannels(this IServiceCollection services)
    {
        services.AddSingleton<PostgresKeyRing>();
        services.AddDataProtection().SetApplicationName("conversations");
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresKeyRing>((keys, ring) => keys.XmlRepository = ring);
        services.AddSingleton<ChannelSecretProtector>();
        services.AddSingleton<PlaintextSecretsUpgrade>();
        services.AddSingleton<WhatsAppChannelDirectory>();
        services.AddSingleton<ChannelSettingsStore>();

        services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChannelOutboxOptions>().BindConfiguration(ChannelOutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Sends are retried by the durable outbox, never by the HTTP pipeline (a retried POST could deliver
        // twice); the pipeline only bounds how long one attempt may take.
        services.AddHttpClient<MetaCloudApiClient>()
            .AddResilienceHandler("meta-send", (pipeline, context) => pipeline.AddTimeout(
                context.ServiceProvider.GetRequiredService<IOptions<MetaOptions>>().Value.Timeout));
        services.AddTransient<TwilioAddressRewriter>();
        services.AddHttpClient<TwilioMessaging>()
            .AddHttpMessageHandler<TwilioAddressRewriter>()
            .AddResilienceHandler("twilio-send", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(15)));

        services.AddTransient<WhatsAppTestMessages>();

        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaStorage, LocalDiskMediaStorage>();
        services.AddSingleton<MediaRemovals>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaRemovals>());
        services.AddSingleton<MediaStore>();
        services.AddSingleton<IMediaDownloader, MediaDownloader>();
        services.AddSingleton<LocalOutbox>();
        services.AddSingleton<WebhookLog>();
        services.AddSingleton<IWhatsAppSender, WhatsAppSender>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddHostedService<OutboxRecovery>();
        return services;
    }
}
