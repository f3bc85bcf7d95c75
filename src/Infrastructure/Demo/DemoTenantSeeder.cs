using System.Security.Cryptography;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Knowledge;
using Npgsql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Demo;

/// <summary>
/// Seeds the demo business on the first start against an empty database. Secrets given in the
/// environment are applied on every start, so a developer can always log in with the password they set.
/// </summary>
public sealed partial class DemoTenantSeeder(
    BusinessProvisioning provisioning,
    KnowledgeArticles knowledge,
    TenantDatabase database,
    IOptions<DemoTenantOptions> options,
    ILogger<DemoTenantSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        if (await provisioning.ExistsAsync(DemoTenant.BusinessId, cancellationToken))
        {
            if (!string.IsNullOrEmpty(demo.Password))
            {
                await provisioning.SetPasswordAsync(DemoTenant.OwnerEmail, demo.Password, cancellationToken);
            }

            if (!string.IsNullOrEmpty(demo.MetaAppSecret))
            {
                await provisioning.SetAppSecretAsync(DemoTenant.BusinessId, DemoTenant.PhoneNumberId, demo.MetaAppSecret, cancellationToken);
            }

            return;
        }

        var password = string.IsNullOrEmpty(demo.Password) ? NewSecret(12) : demo.Password;
        var appSecret = string.IsNullOrEmpty(demo.MetaAppSecret) ? NewSecret(24) : demo.MetaAppSecret;
        var ownerId = await provisioning.CreateAsync(
            new NewBusiness(
                DemoTenant.BusinessId,
                DemoTenant.Name,
                "Europe/Madrid",
                new NewEmployee(DemoTenant.OwnerEmail, "Samia", password),
                [
                    new NewService("Three-card reading", "Past, present and future in a focused spread.", 3500, "EUR", 30),
                    new NewService("Celtic Cross reading", "The classic ten-card spread for a deep question.", 6000, "EUR", 60),
                    new NewService("Love and relationships reading", "A spread dedicated to matters of the heart.", 4500, "EUR", 45),
                    new NewService("Yearly forecast", "Twelve cards, one for each month ahead.", 9000, "EUR", 90),
                ],
                new NewMetaChannel(DemoTenant.PhoneNumberId, "+34 600 000 001", appSecret, DemoTenant.VerifyToken)),
            cancellationToken);
        await OpenForBookingsAsync(cancellationToken);
        await WriteFaqAsync(ownerId, cancellationToken);
        LogSeeded(DemoTenant.BusinessId);

        // Shown once, on the console rather than in the logs, so secrets never reach a log store.
        if (string.IsNullOrEmpty(demo.Password) || string.IsNullOrEmpty(demo.MetaAppSecret))
        {
            Console.WriteLine($"""

                ==== Demo business "{DemoTenant.Name}" created ====
                  Owner login:            {DemoTenant.OwnerEmail}
                  Owner password:         {password}
                  Meta phone number id:   {DemoTenant.PhoneNumberId}
                  Meta app secret:        {appSecret}
                  Webhook verify token:   {DemoTenant.VerifyToken}
                These are shown only now. Set CONVERSATIONS_DEMO_PASSWORD / CONVERSATIONS_DEMO_META_APP_SECRET to choose them.

                """);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Monday to Saturday, 10:00–19:00: so the assistant has times to offer from the first message.</summary>
    private async Task OpenForBookingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO opening_hours (id, business_id, service_id, weekday, opens, closes)
            SELECT gen_random_uuid(), @b, NULL, d, '10:00', '19:00' FROM generate_series(1, 6) AS d
            """, connection);
        command.Parameters.AddWithValue("b", DemoTenant.BusinessId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A few questions customers ask, for the assistant to answer from.</summary>
    private async Task WriteFaqAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        (string Title, string Body, string[] Tags)[] articles =
        [
            ("Opening hours", "We are open Monday to Saturday from 10:00 to 19:00 (Madrid time). On Sundays and public holidays we are closed.", ["hours", "schedule"]),
            ("Where to find us", "Calle de la Luna 7, Madrid, a five-minute walk from the Tribunal metro station. Readings are also available online by video call.", ["address", "location"]),
            ("Payment", "You can pay by card or cash at the start of your reading. Online readings are paid in advance.", ["payment", "card", "cash"]),
            ("Cancellations", "You can cancel or move a reading free of charge up to 24 hours before it starts. Just write to us here.", ["cancel", "reschedule"]),
        ];
        foreach (var (title, body, tags) in articles)
        {
            await knowledge.CreateAsync(DemoTenant.BusinessId, ownerId, new KnowledgeArticleDraft(title, body, tags, true), cancellationToken);
        }
    }

    private static string NewSecret(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo business {BusinessId}")]
    private partial void LogSeeded(Guid businessId);
}
