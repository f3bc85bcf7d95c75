using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

/// <summary>
/// Web Push to employees' browsers: subscriptions, the VAPID key pair (made on first use and shared by every
/// node through PostgreSQL), and delivery of notifications. Push services that forgot a subscription
/// (404, 410) make it go.
/// </summary>
public sealed partial class WebPush(
    TenantDatabase database,
    PlatformSecrets secrets,
    IHttpClientFactory httpClients,
    IOptions<WebPushOptions> options,
    ILogger<WebPush> logger)
{
    private VapidAuthentication? vapid;
    private string? publicKey;

    /// <summary>The application server key browsers subscribe with (base64url, uncompressed P-256 point).</summary>
    public async Task<string> PublicKeyAsync(CancellationToken cancellationToken)
    {
        await EnsureKeysAsync(cancellationToken);
        return publicKey!;
    }

    public async Task SubscribeAsync(Guid businessId, Guid employeeId, WebPushSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO push_subscriptions (endpoint, business_id, employee_id, p256dh, auth)
            VALUES (@endpoint, @business, @employee, @p256dh, @auth)
            ON CONFLICT (endpoint) DO UPDATE
                SET business_id = EXCLUDED.business_id, employee_id = EXCLUDED.employee_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth
            """, connection);
        command.Parameters.AddWithValue("endpoint", subscription.Endpoint);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("p256dh", subscription.P256dh);
        command.Parameters.AddWithValue("auth", subscription.Auth);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> UnsubscribeAsync(Guid employeeId, string endpoint, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM push_subscriptions WHERE endpoint = @endpoint AND employee_id = @employee", connection);
        command.Parameters.AddWithValue("endpoint", endpoint);
        command.Parameters.AddWithValue("employee", employeeId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Pushes a notification to every browser of its employee. Best effort: failures are logged, not thrown.</summary>
    public async Task DeliverAsync(NotificationView notification, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureKeysAsync(cancellationToken);
            var payload = JsonSerializer.Serialize(new
            {
                notification.Id, notification.Kind, notification.Title, notification.ConversationId,
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            foreach (var subscription in await SubscriptionsAsync(notification.EmployeeId, cancellationToken))
            {
                var target = new PushSubscription { Endpoint = subscription.Endpoint };
                target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
                target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
                try
                {
                    await new PushServiceClient(httpClients.CreateClient(nameof(WebPush))).RequestPushMessageDeliveryAsync(target, new PushMessage(payload) { Topic = "notification", TimeToLive = 3600 }, vapid!, cancellationToken);
                }
                catch (PushServiceClientException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    await UnsubscribeAsync(notification.EmployeeId, subscription.Endpoint, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPushFailed(exception, notification.EmployeeId);
        }
    }

    private async Task<IReadOnlyList<WebPushSubscription>> SubscriptionsAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE employee_id = @employee", connection);
        command.Parameters.AddWithValue("employee", employeeId);
        var list = new List<WebPushSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new WebPushSubscription(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return list;
    }

    private async Task EnsureKeysAsync(CancellationToken cancellationToken)
    {
        if (vapid is not null)
        {
            return;
        }

        var pkcs8 = await secrets.GetOrCreateAsync(
            "vapid-key-pair", () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(), cancellationToken);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        publicKey = Base64Url([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
        vapid = new VapidAuthentication(publicKey, Base64Url(parameters.D!)) { Subject = options.Value.Subject };
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push a notification to the browsers of {EmployeeId}")]
    private partial void LogPushFailed(Exception exception, Guid employeeId);
}
