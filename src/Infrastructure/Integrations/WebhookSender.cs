using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conversations.Grains.Integrations;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Integrations;

/// <summary>POSTs a delivery's body with its id, timestamp and signature headers; any 2xx is success.</summary>
public sealed class WebhookSender(
    IHttpClientFactory clients,
    WebhookSecretProtector secrets,
    IOptions<WebhookOptions> options,
    TimeProvider time) : IWebhookSender
{
    public const string ClientName = "webhooks";

    public async Task<WebhookSendResult> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.EventId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(delivery.ProtectedSecret), timestamp, delivery.Payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebhookSendResult((int)response.StatusCode, Stopwatch.GetElapsedTime(started), response.IsSuccessStatusCode ? null : response.ReasonPhrase);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return new WebhookSendResult(null, Stopwatch.GetElapsedTime(started), exception is OperationCanceledException ? "timeout" : exception.Message);
        }
    }
}
