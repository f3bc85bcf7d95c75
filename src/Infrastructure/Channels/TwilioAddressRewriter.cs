using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Channels;

/// <summary>Sends the Twilio SDK's requests for <c>*.twilio.com</c> to <see cref="TwilioOptions.ApiBaseUrl"/> when set.</summary>
public sealed class TwilioAddressRewriter(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.ApiBaseUrl is { Length: > 0 } baseUrl && request.RequestUri is { } uri
            && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            var target = new Uri(baseUrl);
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
