using System.Globalization;
using System.Text.Json;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Media;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Sends WhatsApp messages through Twilio's Messages API with the official SDK. Templates are Twilio
/// Content templates: <see cref="TemplateUse.Name"/> is the content SID, parameters fill <c>{{1}}</c>, <c>{{2}}</c>...
/// </summary>
public sealed class TwilioMessaging(HttpClient http, IOptions<TwilioOptions> options, IOptions<MediaOptions> media)
{
    // https://www.twilio.com/docs/api/errors: invalid or unreachable recipient, opted out, outside the
    // session window, unapproved template, bad credentials.
    private static readonly HashSet<int> PermanentCodes =
        [20003, 20404, 21211, 21408, 21606, 21610, 21612, 21614, 21656, 63003, 63016, 63024, 63032, 63049];

    public async Task<ProviderSendResult> SendAsync(
        WhatsAppChannel channel, string recipientWaId, MessageContent content, CancellationToken cancellationToken)
    {
        var client = new TwilioRestClient(
            channel.TwilioAccountSid, channel.Secrets.AuthToken, httpClient: new Twilio.Http.SystemNetHttpClient(http));
        var message = new CreateMessageOptions(new PhoneNumber(WhatsAppAddress(recipientWaId)))
        {
            From = new PhoneNumber(WhatsAppAddress(channel.Address)),
        };
        if (channel.MessagingServiceSid is { Length: > 0 } service)
        {
            message.MessagingServiceSid = service;
        }

        if (options.Value.PublicBaseUrl is { Length: > 0 } publicBase)
        {
            message.StatusCallback = new Uri($"{publicBase.TrimEnd('/')}/api/webhook/twilio/status");
        }

        if (content.Template is { } template)
        {
            message.ContentSid = template.Name;
            message.ContentVariables = JsonSerializer.Serialize(
                template.Parameters.Select((value, index) => (Key: (index + 1).ToString(CultureInfo.InvariantCulture), value))
                    .ToDictionary(p => p.Key, p => p.value));
        }
        else if (content.Choices is { } choices)
        {
            // Free-form numbered choices: the customer answers with the number, which the reader accepts.
            message.Body = string.Join('\n', new[] { content.Text ?? "" }.Concat(
                choices.Options.Select(o => $"{o.Id[(o.Id.LastIndexOf(':') + 1)..]}) {o.Title}")));
        }
        else if (content.Media is { Link: null, StoredMediaId: not null })
        {
            // Twilio fetches media from a public URL, and our files are served to the business's employees only.
            return ProviderSendResult.Permanent("media_link_required", "Twilio numbers send files from a public https link only; attach a link instead.");
        }
        else
        {
            message.Body = content.Text ?? "";
            if (content.Media?.Link is { } link)
            {
                message.MediaUrl = [new Uri(link)];
            }
        }

        try
        {
            var sent = await MessageResource.CreateAsync(message, client);
            return ProviderSendResult.Sent(sent.Sid);
        }
        catch (ApiException exception)
        {
            var code = exception.Code.ToString(CultureInfo.InvariantCulture);
            if (exception.Status == 429 || exception.Status >= 500 || exception.Code == 20429)
            {
                return ProviderSendResult.Transient(code, exception.Message);
            }

            return PermanentCodes.Contains(exception.Code) || exception.Status is >= 400 and < 500
                ? ProviderSendResult.Permanent(code, exception.Message)
                : ProviderSendResult.Transient(code, exception.Message);
        }
        catch (ApiConnectionException exception)
        {
            return ProviderSendResult.Transient(null, $"No answer from Twilio: {exception.Message}");
        }
    }

    /// <summary>A <c>MediaUrlN</c> of an incoming message, fetched with the account's credentials (HTTP basic).</summary>
    public async Task<ProviderMedia> FetchMediaAsync(WhatsAppChannel channel, string mediaUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var location) || location.Scheme != Uri.UriSchemeHttps
            || !location.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            // Credentials only ever go to Twilio, whatever URL a webhook named.
            return new ProviderMedia(null, null, "The media URL is not Twilio's.", IsPermanent: true);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{channel.TwilioAccountSid}:{channel.Secrets.AuthToken}")));
        try
        {
            return await ProviderMediaReader.ReadAsync(http, request, null, media.Value.MaxBytes, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            return new ProviderMedia(null, null, $"No answer from Twilio: {exception.GetType().Name}");
        }
    }

    /// <summary>Twilio addresses WhatsApp users as <c>whatsapp:+E.164</c>.</summary>
    public static string WhatsAppAddress(string number) =>
        number.StartsWith("whatsapp:", StringComparison.Ordinal) ? number : $"whatsapp:+{number.TrimStart('+')}";
}
